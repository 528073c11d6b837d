import Foundation
import Notebook

/// Watches a running chapter from outside, cell by cell, through what the notebook
/// writes in the run folder (`current-cell`, `cells/stdout`, `cells/stderr`): stops a
/// cell that runs past its own budget, so a hang is reported in seconds rather than
/// after the chapter's whole budget, and a cell that floods its output up to the cap.
final class CellWatch: @unchecked Sendable {
    let folder: URL
    let cellBudget: Double
    let outputCap: Int
    private let lock = NSLock()
    private var cell = "(before the first cell)"
    private var cellStart = ContinuousClock.now
    private var reason: String?
    private var flooding = false

    init(folder: URL, cellBudget: Double, outputCap: Int) {
        self.folder = folder
        self.cellBudget = cellBudget
        self.outputCap = outputCap
    }

    /// The cell the chapter is in (or was in when it ended).
    var currentCell: String {
        refresh()
        return lock.withLock { cell }
    }

    /// Why the chapter was stopped, when `shouldStop()` said so.
    var stopReason: String? { lock.withLock { reason } }
    /// True when it was stopped for flooding its output (not for time).
    var isFlooding: Bool { lock.withLock { flooding } }

    /// True when the current cell has run past its budget or filled its output.
    func shouldStop() -> Bool {
        refresh()
        let (cell, start) = lock.withLock { (self.cell, self.cellStart) }
        let elapsed = (ContinuousClock.now - start).seconds
        if cell != "(before the first cell)" && elapsed > cellBudget {
            return stop("the cell ran past its own budget of \(Format.number(cellBudget, digits: 0)) s"
                        + " (a hang? a deadlock? its last output is below)")
        }
        for stream in ["stdout", "stderr"] {
            let size = Self.size(folder.appendingPathComponent("cells/\(stream)").path)
            if size >= outputCap {
                lock.withLock { flooding = true }
                return stop("the cell wrote \(Format.count(size)) bytes to its \(stream), the most a cell may write,"
                            + " and was still writing: stopped before it filled the disk")
            }
        }
        return false
    }

    private func stop(_ why: String) -> Bool {
        lock.withLock { reason = why }
        return true
    }

    private func refresh() {
        guard let name = try? String(contentsOf: folder.appendingPathComponent("current-cell"), encoding: .utf8),
              !name.isEmpty else { return }
        lock.withLock {
            if name != cell {
                cell = name
                cellStart = .now
            }
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// What a cell printed, for a failure message: the head of its stderr (a crash report
    /// starts with the reason) and its tail, and the last lines of its stdout.
    static func excerpts(folder: URL, cell: String, lines: Int = 12) -> String {
        let stderr = folder.appendingPathComponent("cells/stderr").path
        let stdout = folder.appendingPathComponent("cells/stdout").path
        var text = ""
        let errorLines = readLines(stderr, fromEnd: false)
        if !errorLines.isEmpty {
            let shown = errorLines.count <= 2 * lines ? errorLines
                : Array(errorLines.prefix(lines)) + ["[…]"] + readLines(stderr, fromEnd: true).suffix(lines)
            text += "\n--- what cell '\(cell)' wrote to stderr ---\n" + shown.joined(separator: "\n")
        }
        let outputLines = readLines(stdout, fromEnd: true)
        if !outputLines.isEmpty {
            text += "\n--- the last lines cell '\(cell)' wrote to stdout ---\n" + outputLines.suffix(lines).joined(separator: "\n")
        }
        return text
    }

    /// Lines from the first or last 16 KiB of a file (never the whole of a huge one).
    static func readLines(_ path: String, fromEnd: Bool) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = UInt64(Self.size(path)), window: UInt64 = 16_384
        if fromEnd && size > window { try? handle.seek(toOffset: size - window) }
        guard let data = try? handle.read(upToCount: Int(window)), !data.isEmpty else { return [] }
        var all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if fromEnd && size > window && !all.isEmpty { all.removeFirst() }  // a cut line
        return all.map { $0.count > 300 ? String($0.prefix(300)) + "…" : $0 }
    }
}
