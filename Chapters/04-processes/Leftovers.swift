import Foundation
import Notebook
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: guardian
/// Worker role "guardian": starts a sleeper of its own, tells the parent its pid, and
/// waits. The parent kills the guardian; nobody is left to stop the sleeper.
func guardian() -> Never {
    WorkerLoop.exitWhenOrphaned()
    guard let sleeper = try? ChildProcess(role: "sleeper"),
          (try? MessageChannel(readDescriptor: 0, writeDescriptor: 1).send(sleeper.pid)) != nil else { exit(1) }
    Thread.sleep(forTimeInterval: 30)
    exit(0)
}
// ANCHOR_END: guardian

// ANCHOR: orphans
func orphans(_ cell: Cell) throws {
    let guardian = try ChildProcess(role: "guardian", streams: .pipes)
    defer { guardian.stop() }
    let orphan = try guardian.channel!.receive(Int32.self, timeout: .seconds(5))
    print("guardian \(guardian.pid) started sleeper \(orphan)")
    guardian.kill()                                  // SIGKILL: no chance to clean up
    guardian.waitUntilExit()
    let start = ContinuousClock.now
    while ProcessTable.isRunning(orphan) == true && ContinuousClock.now - start < .seconds(3) {
        Thread.sleep(forTimeInterval: 0.01)
    }
    let gone = ProcessTable.isRunning(orphan) == false
    print("sleeper \(orphan) \(gone ? "ended by itself" : "still running") \(Format.duration((ContinuousClock.now - start).seconds)) after its parent died")
    // ANCHOR_END: orphans
    if !gone { kill(orphan, SIGKILL) }               // not ours to kill, but never leave it behind
    cell.value("orphan-seconds", ContinuousClock.now - start, digits: 2)
    #if os(Linux)
    cell.check(gone, "the orphaned sleeper ended within 3 s of its parent's death")
    #endif
}

// ANCHOR: no-leftovers
func noLeftovers(_ cell: Cell) {
    let children = ProcessTable.children()           // from /proc: nil where there is none
    let segments = SharedMemory.existingSegments()
    print("child processes of pid \(getpid()): \(children.map { "\($0)" } ?? "unknown (no /proc)")")
    print("shared-memory segments of pid \(getpid()): \(segments)")
    // ANCHOR_END: no-leftovers
    #if os(Linux)
    cell.check(children == [], "no child process of this program is running or waiting to be reaped")
    cell.check(segments.isEmpty, "no shared-memory segment of this program is left in /dev/shm")
    #endif
}
