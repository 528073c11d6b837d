import Synchronization

/// A running total that any thread may add to.
final class Tally: Sendable {
    private let total = Atomic<Int>(0)

    func add(_ amount: Int) { total.wrappingAdd(amount, ordering: .relaxed) }

    var value: Int { total.load(ordering: .relaxed) }
}
