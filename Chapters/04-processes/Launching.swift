import Foundation
import Notebook
import Primitives
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

/// One set of signals from `/proc/<pid>/status` (Linux): `SigBlk` (blocked by the main
/// thread) or `ShdPnd` (sent to the process and waiting for delivery), as a bit mask.
func signalSet(_ field: String, of pid: Int32) -> UInt64? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
    return UInt64(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
}

/// True if `signal` is in the mask `set` (bit `signal - 1`, as the kernel numbers them).
func contains(_ set: UInt64?, _ signal: Int32) -> Bool {
    set.map { $0 & (1 << UInt64(signal - 1)) != 0 } ?? false
}

/// Waits up to `timeout` for `process` to end; true if it did.
func waitForExit(_ process: Process, timeout: Duration) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
    return !process.isRunning
}

// ANCHOR: inherited-signal-mask
/// Starts `/bin/sleep 30` from a Dispatch worker thread, as code running in a test or a
/// task does. The child is another program on purpose: the chapter's own executable
/// unblocks every signal first thing (see `main.swift`), which would hide the mask.
func sleepStartedFromDispatch(clearingTheMask: Bool) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sleep")
    process.arguments = ["30"]
    let started = DispatchSemaphore(value: 0)
    let failure = Locked<(any Error)?>(nil)
    DispatchQueue.global().async {                    // async: the block runs on a worker thread
        do {
            if clearingTheMask {
                try SignalMask.withNothingBlocked { try process.run() }
            } else {
                try process.run()
            }
        } catch let error { failure.withLock { $0 = error } }
        started.signal()
    }
    started.wait()
    if let error = failure.withLock({ $0 }) { throw error }
    return process
}

func inheritedSignalMask(_ cell: Cell) throws {
    // First, where does a Dispatch block run? `sync` runs it on the *calling* thread.
    let syncOnMain = DispatchQueue.global().sync { Thread.isMainThread }
    let asyncRan = DispatchGroup()
    let asyncOnMain = Locked(true)
    DispatchQueue.global().async(group: asyncRan) { asyncOnMain.withLock { $0 = Thread.isMainThread } }
    asyncRan.wait()
    printNow("global().sync block ran on the main thread: \(syncOnMain); global().async block: \(asyncOnMain.withLock { $0 })")

    // The hazard: a plain Process started from a Dispatch worker thread.
    let plain = try sleepStartedFromDispatch(clearingTheMask: false)
    defer { if plain.isRunning { kill(plain.processIdentifier, SIGKILL); plain.waitUntilExit() } }
    let plainBlocked = contains(signalSet("SigBlk", of: plain.processIdentifier), SIGTERM)
    plain.terminate()                                 // SIGTERM: blocked, so it waits, pending
    let plainEnded = waitForExit(plain, timeout: .milliseconds(500))
    let plainPending = contains(signalSet("ShdPnd", of: plain.processIdentifier), SIGTERM)
    printNow("plain Process: SIGTERM blocked in the child: \(plainBlocked); "
             + "0.5 s after terminate(): \(plainEnded ? "ended" : "still running, SIGTERM pending: \(plainPending)")")

    // The fix: nothing blocked in the starting thread for the instant of the spawn.
    let fixed = try sleepStartedFromDispatch(clearingTheMask: true)
    defer { if fixed.isRunning { kill(fixed.processIdentifier, SIGKILL); fixed.waitUntilExit() } }
    let fixedBlocked = contains(signalSet("SigBlk", of: fixed.processIdentifier), SIGTERM)
    fixed.terminate()
    let fixedEnded = waitForExit(fixed, timeout: .seconds(5))
    printNow("started with the mask cleared: SIGTERM blocked in the child: \(fixedBlocked); "
             + "after terminate(): \(fixedEnded ? "ended by signal \(fixed.terminationStatus)" : "still running")")
    // ANCHOR_END: inherited-signal-mask
    cell.check(syncOnMain && !asyncOnMain.withLock({ $0 }), "global().sync ran its block on the calling (main) thread, global().async on another")
    #if os(Linux)
    // Dispatch's worker threads block SIGTERM on Linux; elsewhere the hazard may not exist.
    cell.check(plainBlocked && !plainEnded && plainPending,
               "a plain Process started from a Dispatch thread had SIGTERM blocked and outlived terminate(), the signal pending")
    cell.check(!fixedBlocked && fixedEnded && fixed.terminationReason == .uncaughtSignal && fixed.terminationStatus == SIGTERM,
               "started with the mask cleared, the child had SIGTERM unblocked and was ended by it")
    #endif
}
