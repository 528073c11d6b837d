import Foundation
#if canImport(Glibc)
import Glibc
/// Glibc imports the resource as an enum case, Darwin as a plain number.
private let RLIMIT_FSIZE_RESOURCE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#elseif canImport(Darwin)
import Darwin
private let RLIMIT_FSIZE_RESOURCE = RLIMIT_FSIZE
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

    /// `outputCap` (bytes, from the builder's `NOTEBOOK_OUTPUT_CAP`): no file the chapter
    /// or a process it starts writes may grow past it, so a cell that floods its output
    /// cannot fill the disk; the builder stops a cell whose output reaches it.
    init(folder: URL, outputCap: Int? = nil, builder: pid_t? = nil) {
        self.folder = folder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        savedStdout = dup(1)
        savedStderr = dup(2)
        Self.lineBufferStandardOutput()
        if let outputCap { Self.limitFileSize(to: outputCap) }
        if let builder { Self.dieWithTheBuilder(builder) }
    }

    /// Linux: a chapter the builder runs is killed if the builder dies without stopping it
    /// (`kill -9`): a chapter in its own process group hears no Ctrl-C, and a hung one
    /// would otherwise run on with no watchdog. (glibc's `prctl` is variadic, which Swift
    /// cannot call: it is called through a non-variadic pointer.)
    private static func dieWithTheBuilder(_ builder: pid_t) {
        #if os(Linux)
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return }
        _ = unsafeBitCast(symbol, to: Prctl.self)(1 /* PR_SET_PDEATHSIG */, UInt(SIGKILL), 0, 0, 0)
        if getppid() != builder { _exit(1) }  // the builder died before the call
        #endif
    }

    /// stdout redirected to a file is fully buffered: a line printed just before a hang or
    /// a crash would be lost with the process. Line by line, each `print` reaches the file.
    private static func lineBufferStandardOutput() {
        // Swift 6 refuses to read C's mutable global `stdout`; its address is found instead.
        #if canImport(Darwin)
        let symbol = "__stdoutp"
        #else
        let symbol = "stdout"
        #endif
        guard let address = dlsym(dlopen(nil, RTLD_NOW), symbol),
              let stream = address.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee else { return }
        setvbuf(stream, nil, _IOLBF, 0)
    }

    /// `RLIMIT_FSIZE`: a write past the limit fails (EFBIG) instead of growing the file.
    /// The kernel would also send SIGXFSZ, which kills; ignored, the writer just goes on.
    private static func limitFileSize(to bytes: Int) {
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit()
        getrlimit(RLIMIT_FSIZE_RESOURCE, &limit)
        let wanted = rlim_t(bytes)
        if wanted < limit.rlim_max {  // RLIM_INFINITY is the largest value
            limit.rlim_cur = wanted
            setrlimit(RLIMIT_FSIZE_RESOURCE, &limit)
        }
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
    /// Only the head and the tail are read: the file may be as large as the output cap.
    static func readBounded(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        try? handle.seek(toOffset: 0)
        guard size > limit else { return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self) }
        let head = (try? handle.read(upToCount: limit / 2)) ?? Data()
        try? handle.seek(toOffset: UInt64(size - limit / 4))
        let tail = (try? handle.readToEnd()) ?? Data()
        let omitted = size - head.count - tail.count
        return String(decoding: head, as: UTF8.self)
            + "\n[… \(Format.count(omitted)) bytes of output omitted …]\n"
            + String(decoding: tail, as: UTF8.self)
    }
}
