import Foundation
import Notebook
import Primitives
import Synchronization

// ANCHOR: deadlock
func twoLockDeadlock(_ cell: Cell) {
    let lockA = NSLock(), lockB = NSLock()
    let bothHoldOne = DispatchGroup()       // so each thread holds its first lock in time
    bothHoldOne.enter(); bothHoldOne.enter()
    let report = Locked<[(line: String, gotIt: Bool, at: ContinuousClock.Instant)]>([])

    /// Takes `first`, waits until the other thread holds its first lock too, then
    /// tries `second` with a deadline.
    @Sendable func worker(_ name: String, _ first: NSLock, _ firstName: String,
                          _ second: NSLock, _ secondName: String) {
        first.lock()
        defer { first.unlock() }
        bothHoldOne.leave()
        bothHoldOne.wait()
        let start = ContinuousClock.now
        let gotIt = second.lock(before: Date(timeIntervalSinceNow: 0.2))
        let end = ContinuousClock.now                  // got it, or gave up (still holding `first`)
        let after = (end - start).seconds
        if gotIt { second.unlock() }
        let line = gotIt
            ? "\(name) got \(secondName) after \(Format.duration(after)), once the other thread gave up"
            : "\(name) holds \(firstName), waited \(Format.duration(after)) for \(secondName): deadlock detected"
        report.withLock { $0.append((line, gotIt, end)) }
    }
    let threads = ThreadGroup()
    threads.spawn { worker("thread 1", lockA, "A", lockB, "B") }   // A then B
    threads.spawn { worker("thread 2", lockB, "B", lockA, "A") }   // B then A
    threads.join()
    let results = report.withLock { $0 }
    results.forEach { print($0.line) }
    let detected = results.filter { !$0.gotIt }.count
    cell.value("deadlock-detected", detected)
    cell.check(detected >= 1, "at least one thread waited out its deadline: a deadlock, detected")
    // A thread that gave up noted the time while still holding its first lock, so the
    // other can only have taken that lock later, whatever the scheduler did.
    let gaveUp = results.filter { !$0.gotIt }.map(\.at), got = results.filter(\.gotIt).map(\.at)
    cell.check(got.allSatisfy { acquired in gaveUp.allSatisfy { acquired >= $0 } },
               "no thread got its second lock until the other had given up")
}
// ANCHOR_END: deadlock

// ANCHOR: lock-order
func lockOrder(_ cell: Cell) {
    let accountA = RankedLock(rank: 1), accountB = RankedLock(rank: 2)
    let balances = BalanceBook(a: 1_000, b: 1_000)
    let transfers = 20_000
    let failures = Atomic<Int>(0)
    let threads = ThreadGroup()
    // Thread 1 moves money A -> B, thread 2 B -> A: they name the locks in opposite orders.
    for (from, to, fromA) in [(accountA, accountB, true), (accountB, accountA, false)] {
        threads.spawn {
            for _ in 0..<transfers {
                let moved: Void? = RankedLock.withBoth(from, to, deadline: Date(timeIntervalSinceNow: 2)) {
                    balances.move(1, fromA: fromA)
                }
                if moved == nil { failures.wrappingAdd(1, ordering: .relaxed) }
            }
        }
    }
    threads.join()
    let (a, b) = balances.both
    print("after \(Format.count(2 * transfers)) transfers in both directions: A = \(a), B = \(b), timeouts: \(failures.load(ordering: .relaxed))")
    cell.value("lock-order-transfers", 2 * transfers)
    cell.check(failures.load(ordering: .relaxed) == 0, "with one global lock order, no transfer ever waited out its deadline")
    cell.check(a + b == 2_000, "no money created or lost: A + B == 2,000")
}
// ANCHOR_END: lock-order
