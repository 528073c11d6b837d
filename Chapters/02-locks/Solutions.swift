import Foundation

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-02 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    final class CountdownLatch: Latch, @unchecked Sendable {
        private let condition = NSCondition()
        private var count: Int   // guarded by `condition`

        init(count: Int) { self.count = count }

        func countDown() {
            condition.lock()
            defer { condition.unlock() }
            guard count > 0 else { return }
            count -= 1
            if count == 0 { condition.broadcast() }   // every waiter, not just one
        }

        func wait(timeout: Duration) -> Bool {
            let deadline = Date(timeIntervalSinceNow: Double(timeout.components.seconds)
                                + Double(timeout.components.attoseconds) / 1e18)
            condition.lock()
            defer { condition.unlock() }
            while count > 0 {                         // a loop: wake-ups can be spurious
                if !condition.wait(until: deadline) { return count == 0 }
            }
            return true
        }
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    final class ExerciseAccount: LockedAccount, @unchecked Sendable {
        let lock = NSLock()
        private var balance: Int   // guarded by `lock`

        init(balance: Int) { self.balance = balance }

        func withdraw(_ amount: Int) throws {
            lock.lock()
            defer { lock.unlock() }   // runs on every way out, the throw included
            guard balance >= amount else { throw InsufficientFunds() }
            balance -= amount
        }
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// `withBoth` takes the two locks in rank order, whatever order they are named in,
    /// so two opposite transfers can never each hold the lock the other needs.
    static func guardedTransfer(_ accounts: ManyAccounts, from: Int, to: Int) {
        let done: Void? = RankedLock.withBoth(accounts.locks[from], accounts.locks[to], deadline: .now + 5) {
            accounts.transfer(1, from: from, to: to)
        }
        precondition(done != nil, "a transfer waited 5 s for its locks")
    }
    // ANCHOR_END: solution-3
}
