import Foundation
import Notebook
import Primitives
import Processes
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: reentrancy
/// Locks `lock`, then (still holding it) calls a helper that locks it again, as code does
/// when a locked method calls another locked method. The inner attempt has a deadline.
/// Returns whether the inner lock was acquired.
func lockTwice(_ lock: any NSLocking & Sendable, inner: (Date) -> Bool) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return inner(Date(timeIntervalSinceNow: 0.1))   // the same thread, the same lock
}

func reentrancy(_ cell: Cell) {
    let plain = NSLock()
    let start = ContinuousClock.now
    let plainAgain = lockTwice(plain) { deadline in
        let acquired = plain.lock(before: deadline)   // `plain.lock()` would never return
        if acquired { plain.unlock() }
        return acquired
    }
    let waited = (ContinuousClock.now - start).seconds

    let recursive = NSRecursiveLock()
    let recursiveAgain = lockTwice(recursive) { deadline in
        let acquired = recursive.lock(before: deadline)
        if acquired { recursive.unlock() }            // one unlock per lock
        return acquired
    }
    print("NSLock locked again by its owner: \(plainAgain ? "acquired" : "gave up after \(Format.duration(waited)): a self-deadlock")")
    print("NSRecursiveLock locked again by its owner: \(recursiveAgain ? "acquired at once" : "gave up")")
    cell.value("reentrant-wait", waited * 1000, digits: 0, unit: "ms")
    cell.check(!plainAgain, "NSLock: the owner cannot take it a second time (deadlock detected by the deadline)")
    cell.check(recursiveAgain, "NSRecursiveLock: the owner takes it again")
}
// ANCHOR_END: reentrancy

// ANCHOR: mutex-twice
/// Child role "mutex-twice": locks a `Mutex` inside its own `withLock`. Its standard
/// error goes to the same pipe as its output, so the parent can read the runtime's message.
func lockMutexTwice() -> Never {
    dup2(1, 2)
    let mutex = Mutex(0)
    mutex.withLock { _ in
        mutex.withLock { $0 += 1 }                    // the same thread, the same Mutex
    }
    print("unreachable: the second withLock returned")
    exit(0)
}
// ANCHOR_END: mutex-twice

// ANCHOR: mutex-reentry
func mutexReentry(_ cell: Cell) throws {
    // Locked again by its owner, a Mutex stops the program. Done in a child process,
    // so that the chapter survives; the runtime's crash report is switched off there.
    let child = try ChildProcess(role: "mutex-twice", streams: .pipes, environment: ["SWIFT_BACKTRACE": "enable=no"])
    let (output, ending) = child.collectOutput(timeout: .seconds(20))
    let said = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    print("child said: \(said)")
    print("child: \(ending.map { "\($0)" } ?? "still running after 20 s, killed")")

    // Python's acquire(blocking=False): another thread tries while the lock is held.
    let mutex = Mutex(0)
    let tried = Locked<Int?>(nil)
    mutex.withLock { _ in
        JoinableThread(name: "try") { tried.withLock { $0 = mutex.withLockIfAvailable { $0 } } }.join()
    }
    let whileHeld = tried.withLock { $0 }
    let whenFree = mutex.withLockIfAvailable { $0 }
    print("withLockIfAvailable from another thread while held: \(whileHeld.map { "\($0)" } ?? "nil"); when free: \(whenFree.map { "\($0)" } ?? "nil")")
    // ANCHOR_END: mutex-reentry
    #if os(Linux)
    var signalled = false
    if case .signalled = ending { signalled = true }
    cell.check(said.contains("Recursive call to lock Mutex") && signalled,
               "a Mutex locked again by its owner stops the process with 'Recursive call to lock Mutex'")
    #endif
    cell.check(!said.contains("unreachable"), "the second withLock never returned")
    cell.check(whileHeld == nil && whenFree == 0, "withLockIfAvailable: nil while another thread holds the lock, the value when free")
}
