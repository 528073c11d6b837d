import Foundation
import Notebook
import Primitives
import Synchronization

/// Runs `Counter` on 4 threads × 100,000 increments and checks the exact total.
/// (Under ThreadSanitizer, 1,000 each: the sanitizer's false reports on `Mutex`, even
/// suppressed, cost it a fraction of a millisecond apiece.)
func checkExactTotal<Counter: SharedCounter>(_ counter: Counter, _ cell: Cell, name: String) {
    let threads = 4, increments = Notebook.isThreadSanitized ? 1_000 : 100_000
    let start = ContinuousClock.now
    let total = countConcurrently(counter, threads: threads, increments: increments)
    let elapsed = (ContinuousClock.now - start).seconds
    print("\(name): \(Format.count(total)) of \(Format.count(threads * increments)) in \(Format.duration(elapsed))")
    cell.check(total == threads * increments, "\(name) lost no update: \(total) == \(threads * increments)")
}

// ANCHOR: mutex
func mutexFix(_ cell: Cell) {
    checkExactTotal(MutexCounter(), cell, name: "Mutex")
}
// ANCHOR_END: mutex

// ANCHOR: nslock
func nslockFix(_ cell: Cell) {
    checkExactTotal(NSLockCounter(), cell, name: "NSLock")
}
// ANCHOR_END: nslock

// ANCHOR: atomic
func atomicFix(_ cell: Cell) {
    checkExactTotal(AtomicCounter(), cell, name: "Atomic")
}
// ANCHOR_END: atomic

/// Thrown by `withdraw` when the balance is too small.
struct InsufficientFunds: Error {}

// ANCHOR: forgot-unlock
/// An account whose `withdraw` forgets to unlock on one path: the early `throw`.
final class LeakyAccount: @unchecked Sendable {
    let lock = NSLock()
    private var balance = 100   // guarded by `lock`

    func withdraw(_ amount: Int) throws {
        lock.lock()
        guard balance >= amount else { throw InsufficientFunds() }   // leaves it locked!
        balance -= amount
        lock.unlock()
    }
}

func forgottenUnlock(_ cell: Cell) {
    let account = LeakyAccount()
    do { try account.withdraw(500) } catch { print("withdraw(500) threw \(error)") }
    // Any later caller now waits for a lock nobody will release. Another thread tries,
    // with a deadline instead of `lock()`, so the book does not hang:
    let acquired = Locked<Bool?>(nil)
    ThreadGroup.run(1) { _ in
        let gotIt = account.lock.lock(before: Date(timeIntervalSinceNow: 0.1))
        if gotIt { account.lock.unlock() }
        acquired.withLock { $0 = gotIt }
    }
    let gotIt = acquired.withLock { $0 } ?? true
    print(gotIt ? "another thread got the lock" : "another thread waited 0.1 s and gave up: the lock is stuck for ever")
    cell.check(!gotIt, "after the early throw, the lock can never be taken again")
}
// ANCHOR_END: forgot-unlock
