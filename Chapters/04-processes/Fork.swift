import Foundation
import Notebook
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: fork-hazard
/// Worker role "fork-hazard": shows, inside a throwaway process, what `fork()` does to
/// a program that has threads. Never do this in a real program.
func forkInAThreadedProcess() -> Never {
    WorkerLoop.exitWhenOrphaned()
    // Hazard 1: a lock held by another thread at the moment of fork.
    let lock = NSLock()
    let holding = DispatchSemaphore(value: 0)
    Thread {
        lock.lock()                       // this thread takes the lock and keeps it a while
        holding.signal()
        Thread.sleep(forTimeInterval: 2)
        lock.unlock()
    }.start()
    holding.wait()
    // Hazard 2: text printed but still in the output buffer at the moment of fork.
    print("printed once, before fork()")

    #if os(Linux)
    let pid = fork()
    if pid == 0 {
        // The child: a copy of the memory, with ONE thread, this one. The lock is copied
        // in its "held" state, and the thread that would release it was not copied.
        alarm(3)                          // safety net: the kernel ends this child in 3 s
        let taken = lock.lock(before: Date(timeIntervalSinceNow: 0.5))
        print("child \(getpid()): lock taken within 0.5 s? \(taken)")
        fflush(nil)                       // the copied buffer is written now, a second time
        _exit(taken ? 0 : 3)              // no atexit handlers in a forked child
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    print("parent \(getpid()): the forked child exited with code \((status >> 8) & 0xff)")
    #else
    print("this demo forks only on Linux")
    #endif
    exit(0)
}
// ANCHOR_END: fork-hazard

// ANCHOR: fork
func forkHazard(_ cell: Cell) throws {
    // The demo runs in a throwaway worker, watched: killed if it is not done in 5 s.
    let throwaway = try ChildProcess(role: "fork-hazard", streams: .pipes)
    defer { throwaway.stop() }
    let (output, termination) = throwaway.collectOutput(timeout: .seconds(5))
    let text = String(decoding: output, as: UTF8.self)
    print(text, terminator: "")
    // ANCHOR_END: fork
    #if os(Linux)
    let copies = text.components(separatedBy: "printed once, before fork()").count - 1
    cell.value("fork-copies", copies)
    cell.check(termination == .exited(code: 0), "the throwaway worker finished in time: \(termination.map { "\($0)" } ?? "killed after 5 s")")
    cell.check(text.contains("lock taken within 0.5 s? false") && text.contains("exited with code 3"),
               "the forked child could not take a lock that a thread held at the moment of fork")
    cell.check(copies == 2, "text buffered before fork() was written twice, once by each process")
    #endif
}
