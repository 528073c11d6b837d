import Dispatch
import Notebook
import Synchronization

// ANCHOR: capture-fixes
/// Fix 1: capture a copy. A struct is copied into the closure; nothing is shared.
struct Order {
    var dish: String
    var count: Int
}

/// Fix 2: make the shared thing Sendable (here, its state behind a `Mutex`).
final class SafeTally: Sendable {
    private let count = Mutex(0)
    func add(_ amount: Int) { count.withLock { $0 += amount } }
    var value: Int { count.withLock { $0 } }
}

/// The non-Sendable class from the failing example, unchanged.
final class Tally {
    var count = 0
}

func captureFixes(_ cell: Cell) async {
    let done = DispatchGroup()
    let order = Order(dish: "soup", count: 2)
    let printed = SafeTally()
    DispatchQueue.global().async(group: done) {
        if order.count == 2 { printed.add(1) }            // a copy of `order`, a Sendable `printed`
    }
    done.wait()

    // Fix 3: `Task {}` takes a `sending` closure, not a `@Sendable` one. A non-Sendable
    // value may go in when nothing here uses it afterwards: the task owns it now.
    let tally = Tally()
    tally.count = 1
    let final = await Task {
        tally.count += 1
        return tally.count
    }.value

    print("order seen by the queue: \(printed.value == 1); tally inside the task: \(final)")
    cell.check(printed.value == 1, "the queue's closure saw the copied order")
    cell.check(final == 2, "the task owned the non-Sendable tally (\(final))")
}
// ANCHOR_END: capture-fixes
