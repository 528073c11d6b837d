import Foundation
import Notebook
import Primitives
import Synchronization

// Run one with `swift run chapter-02 exercise N`. Each starts failing; make its checks pass.

// ANCHOR: exercise-1
/// Exercise 1. A countdown latch: `countDown()` lowers a count; `wait()` blocks until it
/// reaches zero (Java's CountDownLatch; in Python, a Barrier is the nearest thing).
/// Build it on `NSCondition`, like `Event`, then let the main thread wait for 4 workers.
final class CountdownLatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var count: Int

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

func exerciseLatch(_ cell: Cell) {
    let latch = CountdownLatch(count: 4)
    let finished = Atomic<Int>(0)
    let workers = ThreadGroup.started(4) { _ in
        Thread.sleep(forTimeInterval: 0.02)
        finished.wrappingAdd(1, ordering: .relaxed)
        latch.countDown()
    }
    let opened = latch.wait(timeout: .seconds(2))
    cell.check(opened, "the latch opened once all four workers counted down")
    cell.check(finished.load(ordering: .relaxed) == 4, "every worker had finished when wait() returned")
    workers.join()
}
// ANCHOR_END: exercise-1

/// Exercise 2. Fix `LeakyAccount.withdraw` (in Fixes.swift) with `defer`, then make this
/// check pass: after a failed withdrawal, the lock can be taken again.
func exerciseLeakyAccount(_ cell: Cell) {
    let account = LeakyAccount()
    try? account.withdraw(500)
    let free = account.lock.lock(before: Date(timeIntervalSinceNow: 0.1))
    if free { account.lock.unlock() }
    cell.check(free, "a failed withdrawal leaves the lock free")
}

/// Exercise 3. Ten accounts, four threads each making random transfers between two of
/// them. Every account has a `RankedLock`; hold both accounts' locks around each transfer,
/// with `RankedLock.withBoth`, so that no transfer is unguarded and none can deadlock.
func exerciseManyAccounts(_ cell: Cell) {
    let accounts = ManyAccounts(count: 10, balance: 100)
    ThreadGroup.run(4) { _ in
        for _ in 0..<10_000 {
            let from = Int.random(in: 0..<10), to = Int.random(in: 0..<10)
            guard from != to else { continue }
            // TODO: wrap this call in RankedLock.withBoth(accounts.locks[from], accounts.locks[to], ...)
            accounts.transfer(1, from: from, to: to)
        }
    }
    cell.check(accounts.unguardedTransfers == 0, "every transfer held both locks (\(accounts.unguardedTransfers) did not)")
    cell.check(accounts.total == 1_000, "money is conserved: total \(accounts.total) == 1,000")
}

/// Balances for exercise 3, each guarded by its account's lock, if the caller takes it.
final class ManyAccounts: @unchecked Sendable {
    let locks: [RankedLock]
    private var balances: [Int]
    private let unguarded = Atomic<Int>(0)

    init(count: Int, balance: Int) {
        locks = (0..<count).map { RankedLock(rank: $0) }
        balances = Array(repeating: balance, count: count)
    }

    /// Moves `amount`; call it holding both accounts' locks. It checks that you do:
    /// `try()` succeeds only on a lock that nobody holds.
    func transfer(_ amount: Int, from: Int, to: Int) {
        for index in [from, to] where locks[index].lock.try() {
            locks[index].lock.unlock()
            unguarded.wrappingAdd(1, ordering: .relaxed)
        }
        balances[from] -= amount
        balances[to] += amount
    }

    var unguardedTransfers: Int { unguarded.load(ordering: .relaxed) }
    var total: Int { balances.reduce(0, +) }
}
