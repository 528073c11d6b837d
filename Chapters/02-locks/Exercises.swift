import Foundation

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-02 exercise N` (or `make exercise-02-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1. A countdown latch: `countDown()` lowers a count; `wait(timeout:)` blocks
// until it reaches zero (Java's CountDownLatch; in Python, a Barrier is the nearest
// thing). Build it on `NSCondition`, like `Event`.
final class CountdownLatch: Latch, @unchecked Sendable {
    private let condition = NSCondition()
    private var count: Int   // guarded by `condition`

    init(count: Int) { self.count = count }

    func countDown() {
        // TODO: lock, lower the count, wake the waiters when it reaches zero.
    }

    /// Returns whether the count reached zero before `timeout`.
    func wait(timeout: Duration) -> Bool {
        // TODO: lock, wait in a loop until the count is zero or the deadline passes.
        false
    }
}

// Exercise 2. The chapter's leaky account, again: a failed withdrawal returns without
// unlocking. Fix `withdraw` with `defer`, so the lock is free after a failure too.
final class ExerciseAccount: LockedAccount, @unchecked Sendable {
    let lock = NSLock()
    private var balance: Int   // guarded by `lock`

    init(balance: Int) { self.balance = balance }

    func withdraw(_ amount: Int) throws {
        lock.lock()
        guard balance >= amount else { throw InsufficientFunds() }   // leaves it locked!
        balance -= amount
        lock.unlock()
    }
}

// Exercise 3. Ten accounts, four threads each making random transfers between two of
// them. Every account has a `RankedLock`; hold both accounts' locks around the transfer
// with `RankedLock.withBoth`, so that no transfer is unguarded and none can deadlock.
func guardedTransfer(_ accounts: ManyAccounts, from: Int, to: Int) {
    // TODO: wrap this call in RankedLock.withBoth(accounts.locks[from], accounts.locks[to], ...)
    accounts.transfer(1, from: from, to: to)
}
