/// Two account balances for the lock-order demo. They are guarded by the two
/// `RankedLock`s that the transfers hold, which the compiler cannot see; hence
/// `@unchecked Sendable`.
final class BalanceBook: @unchecked Sendable {
    private var a: Int
    private var b: Int

    init(a: Int, b: Int) { self.a = a; self.b = b }

    /// Moves `amount` from A to B (or from B to A). Call it holding both locks.
    func move(_ amount: Int, fromA: Bool) {
        if fromA { a -= amount; b += amount } else { b -= amount; a += amount }
    }

    /// Both balances. Read after the transfer threads have been joined.
    var both: (Int, Int) { (a, b) }
}
