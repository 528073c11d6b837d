import Foundation
import Notebook
import Processes

/// Prints and flushes at once. A parent's `print` waits in a buffer while a child
/// writes straight to the same output, so without the flush lines appear out of order.
func printNow(_ text: String) {
    print(text)
    fflush(nil)
}

// ANCHOR: spawn
func spawnWorker(_ cell: Cell) throws {
    let process = Process()
    process.executableURL = Bundle.main.executableURL        // this very program
    process.arguments = WorkerRole.arguments(for: "greet")    // ["--worker-role", "greet", "--worker-parent", our pid]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    printNow("parent: I am pid \(getpid()); started worker pid \(process.processIdentifier)")
    printNow("parent: is it running? \(process.isRunning)")
    // Read everything the worker prints, then wait for it: in that order (see below).
    let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()                                   // Python's join()
    printNow("parent: the worker said: \(said.trimmingCharacters(in: .newlines))")
    printNow("parent: is it running? \(process.isRunning)")
    printNow("parent: terminationReason = .\(process.terminationReason), terminationStatus = \(process.terminationStatus)")
    // ANCHOR_END: spawn
    cell.value("spawn-pid", text: "\(process.processIdentifier)")
    cell.value("spawn-status", Int(process.terminationStatus))
    cell.check(said.contains("I am pid \(process.processIdentifier), started by pid \(getpid())"),
               "the worker reports the pid the parent was given, and the parent's pid as its parent")
    cell.check(!process.isRunning && process.terminationReason == .exit && process.terminationStatus == 3,
               "after waitUntilExit: not running, reason .exit, status 3 (the worker's exit code)")
}

// ANCHOR: terminate
func terminateWorker(_ cell: Cell) throws {
    let process = Process()
    process.executableURL = Bundle.main.executableURL
    process.arguments = WorkerRole.arguments(for: "sleeper")  // sleeps for 30 s
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    process.terminate()                                       // sends SIGTERM
    process.waitUntilExit()
    printNow("Process: terminationReason = .\(process.terminationReason), terminationStatus = \(process.terminationStatus)")

    // The same with the library's ChildProcess: a wait with a timeout, and one value
    // that says how the process ended.
    let child = try ChildProcess(role: "sleeper")
    defer { child.stop() }
    let early = child.wait(timeout: .milliseconds(100))       // nil: still running
    printNow("ChildProcess \(child.pid) after 100 ms: \(early.map { "\($0)" } ?? "still running")")
    child.terminate()
    let ended = child.wait(timeout: .seconds(5))
    printNow("ChildProcess \(child.pid) after terminate(): \(ended.map { "\($0)" } ?? "still running")")
    // ANCHOR_END: terminate
    cell.value("sigterm-status", Int(process.terminationStatus))
    cell.check(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM,
               "terminate(): reason .uncaughtSignal and status \(SIGTERM), the signal's number, not an exit code")
    cell.check(early == nil && ended == .signalled(signal: SIGTERM),
               "wait(timeout:) said 'still running' before terminate() and 'killed by SIGTERM' after")
}

/// The signals blocked in process `pid`'s main thread, from `/proc/<pid>/status` (Linux).
func blockedSignals(of pid: Int32) -> UInt64? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigBlk:") }) else { return nil }
    return UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16)
}

// ANCHOR: signal-mask-cell
func inheritedSignalMask(_ cell: Cell) throws {
    // A plain Process started from a Dispatch worker thread, as tests and tasks do.
    let process = Process()
    process.executableURL = Bundle.main.executableURL
    process.arguments = WorkerRole.arguments(for: "sleeper")
    let started = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        try? process.run()
        started.signal()
    }
    started.wait()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
    Thread.sleep(forTimeInterval: 0.1)                        // let it start
    let blocked = blockedSignals(of: process.processIdentifier) ?? 0
    let termBlocked = blocked & (1 << (UInt64(SIGTERM) - 1)) != 0
    process.terminate()
    Thread.sleep(forTimeInterval: 0.3)
    let ignoredTerminate = process.isRunning
    printNow("Process started from a Dispatch thread: SIGTERM blocked: \(termBlocked); 0.3 s after terminate() running: \(ignoredTerminate)")

    // ChildProcess clears the mask for the moment of the spawn.
    let child = try DispatchQueue.global().sync { try ChildProcess(role: "sleeper") }
    defer { child.stop() }
    child.terminate()
    let ended = child.wait(timeout: .seconds(5))
    printNow("ChildProcess started from a Dispatch thread, after terminate(): \(ended.map { "\($0)" } ?? "still running")")
    // ANCHOR_END: signal-mask-cell
    #if os(Linux)
    cell.value("blocked-sigterm", text: "\(termBlocked)")
    cell.value("blocked-still-running", text: "\(ignoredTerminate)")
    cell.check(ended == .signalled(signal: SIGTERM), "a ChildProcess started from a Dispatch thread obeys terminate()")
    #endif
}
