import Foundation
import Notebook

/// What a child run of this program printed, and how it ended.
struct ChildRun {
    let output: String
    let seconds: Double
    let exitStatus: Int32
    /// True if the child overran its time limit and had to be terminated.
    let wasTerminated: Bool
}

// ANCHOR: daemon-threads
func daemonThreads(_ cell: Cell) throws {
    var runs: [DaemonDemoRole: ChildRun] = [:]
    for role in DaemonDemoRole.allCases {
        let run = try runChild(role.rawValue)
        runs[role] = run
        print("$ chapter-01 \(role.rawValue)    (exit status \(run.exitStatus), \(Format.duration(run.seconds)))")
        for line in run.output.split(separator: "\n") { print("  \(line)") }
    }
    // ANCHOR_END: daemon-threads

    let unjoined = runs[.unjoined]!, joined = runs[.joined]!
    cell.check(unjoined.output.contains("main: returning") && !unjoined.output.contains("sleeper: woke"),
               "without join, the process ended while the sleeper slept: its line never appeared")
    cell.check(joined.output.contains("sleeper: woke up after 200 ms\nmain: returning"),
               "with join, the sleeper's line came first, then main returned")
    cell.check(unjoined.exitStatus == 0 && joined.exitStatus == 0, "both children exited normally (status 0)")
    cell.check(!unjoined.wasTerminated && !joined.wasTerminated, "both children ended on their own, none had to be terminated")
}

/// Runs this same executable with `argument`, collects its standard output, and
/// waits at most `limit` seconds for it before terminating it.
func runChild(_ argument: String, limit: Double = 10) throws -> ChildRun {
    let child = Process()
    child.executableURL = Bundle.main.executableURL
    child.arguments = [argument]
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
    let seconds = (ContinuousClock.now - start).seconds
    // The output is a few lines, far below a pipe's buffer: reading after the exit is safe.
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return ChildRun(output: output, seconds: seconds, exitStatus: child.terminationStatus,
                    wasTerminated: wasTerminated)
}
