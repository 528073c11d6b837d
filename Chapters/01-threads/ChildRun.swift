import Foundation

/// What a child run of this program printed, and how it ended.
struct ChildRun {
    let output: String
    let seconds: Double
    let exitStatus: Int32
    /// True if the child overran its time limit and had to be terminated.
    let wasTerminated: Bool

    /// Runs this same executable with `argument` (and `environment` added to this
    /// process's), collects its standard output, and waits at most `limit` seconds for it
    /// before terminating it.
    init(argument: String, environment extra: [String: String] = [:], limit: Double = 10) throws {
        let child = Process()
        child.executableURL = Bundle.main.executableURL
        child.arguments = [argument]
        // Under ThreadSanitizer a process pauses 1 s as it exits (`atexit_sleep_ms`), long
        // enough for a sleeping thread to wake and print: the children exit without it.
        var environment = ProcessInfo.processInfo.environment
        environment["TSAN_OPTIONS"] = [environment["TSAN_OPTIONS"], "atexit_sleep_ms=0"]
            .compactMap { $0 }.joined(separator: " ")
        environment.merge(extra) { $1 }
        child.environment = environment
        let pipe = Pipe()
        child.standardOutput = pipe
        let start = ContinuousClock.now
        try child.run()
        let deadline = start + .seconds(limit)
        while child.isRunning && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
        let wasTerminated = child.isRunning
        if wasTerminated { child.terminate() }
        child.waitUntilExit()  // after this, no child is left behind
        seconds = (ContinuousClock.now - start).seconds
        exitStatus = child.terminationStatus
        self.wasTerminated = wasTerminated
        // The output is a few lines, far below a pipe's buffer: reading after the exit is safe.
        output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
