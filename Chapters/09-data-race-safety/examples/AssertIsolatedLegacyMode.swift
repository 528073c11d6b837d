// The same -O program, run again with the concurrency runtime in its legacy mode
// (SWIFT_IS_CURRENT_EXECUTOR_LEGACY_MODE_OVERRIDE=legacy), where the runtime's own check
// reports a mismatch instead of stopping the program. The runtime reads that variable
// once, at start, so the program runs itself again as a child process with it set.
// ANCHOR: shown
import Foundation

@globalActor actor Studio {
    static let shared = Studio()
}

func helper() async {
    Studio.assertIsolated("helper() is not on the Studio actor")
    print("assertIsolated let it through")
}

@Studio func record() async {
    await helper()
}

let legacy = "SWIFT_IS_CURRENT_EXECUTOR_LEGACY_MODE_OVERRIDE"
if ProcessInfo.processInfo.environment[legacy] == nil {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.environment = ProcessInfo.processInfo.environment.merging([legacy: "legacy", "SWIFT_BACKTRACE": "enable=no"]) { $1 }
    let errors = Pipe()
    child.standardError = errors
    try child.run()
    let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    // The child's message, without the stack trace the runtime prints after it.
    let message = report.components(separatedBy: "Current stack trace:")[0]
    print("the child printed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    let signalled = child.terminationReason == .uncaughtSignal
    print("the child \(signalled ? "was stopped by signal \(child.terminationStatus)" : "exited with \(child.terminationStatus)")")
} else {
    await record()
}
// ANCHOR_END: shown

// swiftc: -O
// expect-output: helper() is not on the Studio actor
// expect-output: the child was stopped by signal
