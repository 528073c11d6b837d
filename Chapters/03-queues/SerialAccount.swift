import Dispatch

// ANCHOR: serial-account
/// A bank account whose balance is guarded by a private serial queue instead of a lock:
/// the queue runs one block at a time, so blocks that touch `balance` never overlap.
/// The compiler cannot see that guarantee, hence `@unchecked Sendable`.
final class SerialAccount: @unchecked Sendable {
    private let queue = DispatchQueue(label: "account")   // serial by default
    private var balance = 0

    /// Waits until the deposit is made (`sync`): the caller knows it is done.
    func deposit(_ amount: Int) {
        queue.sync { balance += amount }
    }

    /// Returns at once (`async`); the deposit happens later, on the queue.
    func depositLater(_ amount: Int) {
        queue.async { self.balance += amount }
    }

    /// `sync` also returns a value: reads wait behind every deposit queued before them.
    var currentBalance: Int {
        queue.sync { balance }
    }
}
// ANCHOR_END: serial-account
