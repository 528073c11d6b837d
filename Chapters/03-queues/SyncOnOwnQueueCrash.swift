import Foundation
import Notebook

/// The argument that makes this program run `crashBySyncOnOwnQueue()` and nothing else.
let syncOnOwnQueueArgument = "--sync-on-own-queue"

// ANCHOR: sync-crash-child
/// Run in a child process: the plain mistake, a `sync` onto the queue we are on.
func crashBySyncOnOwnQueue() -> Never {
    let queue = DispatchQueue(label: "serial")
    queue.sync {
        // Written unbuffered, so the line is out before the crash.
        FileHandle.standardOutput.write(Data("outer block running; now calling queue.sync from inside it\n".utf8))
        queue.sync { print("inner block") }   // never runs
    }
    print("not reached")
    exit(0)
}
// ANCHOR_END: sync-crash-child

// ANCHOR: sync-crash
func syncOnOwnQueueCrash(_ cell: Cell) throws {
    let child = Process()
    child.executableURL = Bundle.main.executableURL
    child.arguments = [syncOnOwnQueueArgument]
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"          // a short crash, no backtrace
    child.environment = environment
    let output = Pipe()
    child.standardOutput = output
    child.standardError = FileHandle.nullDevice
    try child.run()
    // A watchdog: if the child ever hung instead, it would be killed after 5 s.
    let watchdog = DispatchWorkItem { if child.isRunning { child.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: watchdog)
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    watchdog.cancel()
    let crashed = child.terminationReason == .uncaughtSignal
    print("child printed: \(printed.trimmingCharacters(in: .newlines))")
    print("child ended by signal \(child.terminationStatus) (\(crashed ? "crashed" : "exited"))")
    cell.value("sync-crash-signal", Int(child.terminationStatus))
    cell.check(crashed && child.terminationStatus != SIGTERM,
               "the child was stopped by a signal from Dispatch itself, not by the watchdog")
    cell.check(!printed.contains("inner block"), "the inner block never ran")
}
// ANCHOR_END: sync-crash
