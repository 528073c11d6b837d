import Foundation

/// "running cell 7 of 16 (timeout)" while a chapter runs. The notebook writes the name
/// of the cell it is in to `current-cell` in its results folder (the runner's
/// `<slug>.running-<pid>/`); this reads it every 100 ms on a thread of its own and
/// numbers it by the chapter's last good run (a new cell is named without a number).
final class CellProgress: @unchecked Sendable {
    private let file: URL
    private let knownCells: [String]
    private let report: @Sendable (String) -> Void
    private let lock = NSLock()
    private var running = true  // guarded by `lock`
    private let finished = DispatchSemaphore(value: 0)

    init(folder: URL, knownCells: [String], report: @escaping @Sendable (String) -> Void) {
        file = folder.appendingPathComponent("current-cell")
        self.knownCells = knownCells
        self.report = report
    }

    func start() {
        Thread.detachNewThread { [self] in
            var last = ""
            while lock.withLock({ running }) {
                if let data = FileManager.default.contents(atPath: file.path) {
                    let cell = String(decoding: data, as: UTF8.self)
                    if !cell.isEmpty && cell != last {
                        last = cell
                        report(Self.describe(cell, among: knownCells))
                    }
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            finished.signal()
        }
    }

    /// Stops reading and waits for the reading thread to end.
    func stop() {
        lock.withLock { running = false }
        finished.wait()
    }

    static func describe(_ cell: String, among known: [String]) -> String {
        guard let index = known.firstIndex(of: cell) else { return "running cell '\(cell)'" }
        return "running cell \(index + 1) of \(known.count) (\(cell))"
    }
}
