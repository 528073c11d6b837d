import Foundation
import Notebook
import Primitives
import Synchronization

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.

/// What exercise 1's latch offers.
protocol Latch: AnyObject, Sendable {
    init(count: Int)
    func countDown()
    func wait(timeout: Duration) -> Bool
}

// ANCHOR: exercise-1-checks
func checkLatch(_ cell: Cell, _ kind: any Latch.Type) {
    let latch = kind.init(count: 4)
    let finished = Atomic<Int>(0)
    let workers = ThreadGroup.started(4) { _ in
        Thread.sleep(forTimeInterval: 0.02)
        finished.wrappingAdd(1, ordering: .relaxed)
        latch.countDown()
    }
    let opened = latch.wait(timeout: .seconds(2))
    let finishedAtWait = finished.load(ordering: .relaxed)
    workers.join()
    cell.check(opened, "the latch opened once all four workers counted down")
    cell.check(finishedAtWait == 4, "every worker had finished when wait() returned (\(finishedAtWait) had)")
    let closed = kind.init(count: 1)
    let start = ContinuousClock.now
    let openedEarly = closed.wait(timeout: .milliseconds(50))
    let waited = (ContinuousClock.now - start).seconds
    cell.check(!openedEarly && waited >= 0.049, "a latch nobody counts down times out after 50 ms (waited \(Format.duration(waited)))")
}
// ANCHOR_END: exercise-1-checks

/// What exercise 2's account offers.
protocol LockedAccount: AnyObject, Sendable {
    init(balance: Int)
    var lock: NSLock { get }
    func withdraw(_ amount: Int) throws
}

// ANCHOR: exercise-2-checks
func checkLeakyAccount(_ cell: Cell, _ kind: any LockedAccount.Type) {
    let account = kind.init(balance: 100)
    var threw = false
    do { try account.withdraw(500) } catch { threw = true }
    // Another thread tries the lock, with a deadline, so a leaked lock cannot hang us.
    let free = Locked(false)
    ThreadGroup.run(1) { _ in
        let gotIt = account.lock.lock(before: Date(timeIntervalSinceNow: 0.1))
        if gotIt { account.lock.unlock() }
        free.withLock { $0 = gotIt }
    }
    let lockIsFree = free.withLock { $0 }
    cell.check(threw, "withdrawing 500 from 100 throws")
    cell.check(lockIsFree, "a failed withdrawal leaves the lock free")
    // Tried only when the lock is free: on a stuck lock it would wait for ever.
    let covered = lockIsFree && (try? account.withdraw(30)) != nil
    cell.check(covered, "a withdrawal the balance covers still succeeds")
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkManyAccounts(_ cell: Cell, _ transfer: @escaping @Sendable (ManyAccounts, Int, Int) -> Void) {
    let accounts = ManyAccounts(count: 10, balance: 100)
    ThreadGroup.run(4) { _ in
        for _ in 0..<10_000 {
            let from = Int.random(in: 0..<10), to = Int.random(in: 0..<10)
            guard from != to else { continue }
            transfer(accounts, from, to)
        }
    }
    cell.check(accounts.unguardedTransfers == 0, "every transfer held both locks (\(accounts.unguardedTransfers) did not)")
    cell.check(accounts.total == 1_000, "money is conserved: total \(accounts.total) == 1,000")
}
// ANCHOR_END: exercise-3-checks

/// Balances for exercise 3, each guarded by its account's lock, if the caller takes it.
final class ManyAccounts: @unchecked Sendable {
    let locks: [RankedLock]
    /// One box per account, so that two transfers between four different accounts touch
    /// different memory. (Elements of one Array are not separate variables: two threads
    /// that each change "their" element still both modify the same array, a data race.)
    private let balances: [Balance]
    private let unguarded = Atomic<Int>(0)

    private final class Balance: @unchecked Sendable {
        var amount: Int   // guarded by its account's lock
        init(_ amount: Int) { self.amount = amount }
    }

    init(count: Int, balance: Int) {
        locks = (0..<count).map { RankedLock(rank: $0) }
        balances = (0..<count).map { _ in Balance(balance) }
    }

    /// Moves `amount`; call it holding both accounts' locks. It checks that you do:
    /// `try()` succeeds only on a lock that nobody holds, and then it does not move the
    /// money (an unguarded transfer would race with the others).
    func transfer(_ amount: Int, from: Int, to: Int) {
        for index in [from, to] where locks[index].lock.try() {
            locks[index].lock.unlock()
            unguarded.wrappingAdd(1, ordering: .relaxed)
            return
        }
        balances[from].amount -= amount
        balances[to].amount += amount
    }

    var unguardedTransfers: Int { unguarded.load(ordering: .relaxed) }
    /// Read once every transfer is done.
    var total: Int { balances.reduce(0) { $0 + $1.amount } }
}
