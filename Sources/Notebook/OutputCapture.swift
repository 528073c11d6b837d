import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct CapturedOutput: Sendable, Equatable {
    var stdout: String
    var stderr: String
}

/// Captures everything written to file descriptors 1 and 2 while a cell runs, by
/// pointing them at files. Threads and child processes started by the cell write to
/// the same descriptors, so their output is captured too.
///
/// The book builder reads `current-cell` to name the cell a hung or crashed run was in.
final class OutputCapture: Sendable {
    /// Output beyond this many bytes per stream is cut in the middle (head and tail kept).
    static let limit = 256 * 1024

    private let folder: URL
    private let savedStdout: Int32
    private let savedStderr: Int32

    /// The terminal the program was started on, not redirected while cells run.
    var terminalOutput: FileHandle { FileHandle(fileDescriptor: savedStdout, closeOnDealloc: false) }

    init(folder: URL) {
        self.folder = folder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        savedStdout = dup(1)
        savedStderr = dup(2)
    }

    private var stdoutFile: String { folder.appendingPathComponent("stdout").path }
    private var stderrFile: String { folder.appendingPathComponent("stderr").path }

    func begin(cell: String) {
        try? Data(cell.utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("current-cell"))
        flushStandardStreams()
        redirect(1, to: stdoutFile)
        redirect(2, to: stderrFile)
    }

    func end() -> CapturedOutput {
        flushStandardStreams()
        dup2(savedStdout, 1)
        dup2(savedStderr, 2)
        return CapturedOutput(stdout: Self.readBounded(stdoutFile), stderr: Self.readBounded(stderrFile))
    }

    private func redirect(_ descriptor: Int32, to path: String) {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
        precondition(file >= 0, "cannot open \(path) for capturing output")
        dup2(file, descriptor)
        close(file)
    }

    private func flushStandardStreams() {
        fflush(nil)  // every C stream, stdout and stderr included
    }

    /// Reads a captured stream as text: invalid UTF-8 becomes U+FFFD and enormous
    /// output keeps its head and tail with a note of what was left out.
    static func readBounded(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        guard data.count > limit else { return String(decoding: data, as: UTF8.self) }
        let head = data.prefix(limit / 2), tail = data.suffix(limit / 4)
        let omitted = data.count - head.count - tail.count
        return String(decoding: head, as: UTF8.self)
            + "\n[… \(Format.count(omitted)) bytes of output omitted …]\n"
            + String(decoding: tail, as: UTF8.self)
    }
}
