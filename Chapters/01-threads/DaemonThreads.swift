import Foundation
import Notebook

// ANCHOR: daemon-threads
func daemonThreads(_ cell: Cell) throws {
    var runs: [DaemonDemoRole: ChildRun] = [:]
    for role in DaemonDemoRole.allCases {
        let run = try ChildRun(argument: role.rawValue)
        runs[role] = run
        print("$ chapter-01 \(role.rawValue)",
              "   (exit status \(run.exitStatus), \(Format.duration(run.seconds)))")
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
