import Foundation
import Notebook
import Primitives

func overRelease(_ cell: Cell) {
    // ANCHOR: over-release
    let plain = DispatchSemaphore(value: 2)
    plain.wait()
    plain.signal()
    plain.signal()  // a bug: one signal too many, and nothing complains
    var taken = 0
    while plain.wait(timeout: .now()) == .success { taken += 1 }
    print("DispatchSemaphore(value: 2) after one extra signal lets \(taken) holders in")
    for _ in 0..<taken { plain.signal() }  // put the permits back before it is released: see below

    let bounded = BoundedSemaphore(limit: 2)
    bounded.acquire()
    var report = "no error"
    do {
        try bounded.release()
        try bounded.release()  // the same bug
    } catch {
        report = "\(error)"
    }
    print("BoundedSemaphore(limit: 2), the same extra release: \(report); free permits: \(bounded.availablePermits)")
    // ANCHOR_END: over-release
    cell.value("plain-holders", taken)
    cell.check(taken == 3, "the extra signal silently raised the limit from 2 to \(taken)")
    cell.check(report.contains("released more times than acquired") && bounded.availablePermits == 2,
               "BoundedSemaphore reported the over-release and kept its limit of 2")
}

// ANCHOR: semaphore-trap-child
/// The child's job: let a DispatchSemaphore go while it holds fewer permits than it
/// started with. libdispatch takes that for a bug and stops the process.
enum SemaphoreTrap {
    static let role = "semaphore-released-below-initial-value"

    static func releaseBelowInitialValue() -> Never {
        do {
            let semaphore = DispatchSemaphore(value: 2)
            semaphore.wait()  // one permit taken and never given back
        }  // the semaphore is released here
        print("the process survived")
        exit(0)
    }
}
// ANCHOR_END: semaphore-trap-child

func semaphoreReleasedTooLow(_ cell: Cell) throws {
    // ANCHOR: semaphore-trap
    let child = Process()
    child.executableURL = Bundle.main.executableURL
    child.arguments = [SemaphoreTrap.role]
    // No crash report from Swift's backtracer: the signal itself is the evidence (and the
    // backtracer's fork trips ThreadSanitizer in a sanitized build).
    child.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
    let output = Pipe()
    child.standardOutput = output
    child.standardError = FileHandle.nullDevice
    try child.run()
    let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()  // after draining the pipe: a full pipe would block the child
    let killed = child.terminationReason == .uncaughtSignal
    print("child: \(killed ? "killed by signal \(child.terminationStatus)" : "exited with status \(child.terminationStatus)")")
    // ANCHOR_END: semaphore-trap
    cell.value("semaphore-trap-signal", Int(child.terminationStatus))
    cell.check(killed && !outputText.contains("survived"),
               "the child that released a semaphore below its initial value was stopped by a signal")
}
