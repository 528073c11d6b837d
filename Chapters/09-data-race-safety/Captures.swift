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

// ANCHOR: task-capture-fixes
/// Fix 1: make the value here. A local nothing else can reach may go into the task.
func countInBackgroundLocally() async -> Int {
    let tally = Tally()
    return await Task {
        tally.count += 1
        return tally.count
    }.value
}

/// Fix 2: take it as `sending`. The caller gives it up, so the task may own it.
func countInBackground(_ tally: sending Tally) async -> Int {
    await Task {
        tally.count += 1
        return tally.count
    }.value
}

func taskCaptureFixes(_ cell: Cell) async {
    let local = await countInBackgroundLocally()
    let given = await countInBackground(Tally())    // a fresh Tally, not used afterwards
    print("made locally: \(local); passed as sending: \(given)")
    cell.check(local == 1 && given == 1, "each task owned its tally and counted once")
}
// ANCHOR_END: task-capture-fixes

// ANCHOR: captured-var-fixes
/// Fix 1: each child task returns its part; only the group's owner adds them up.
func countInChildTasks() async -> Int {
    await withTaskGroup(of: Int.self) { group in
        for _ in 0..<4 {
            group.addTask { 1 }
        }
        var total = 0
        for await part in group { total += part }      // one task, one `var`
        return total
    }
}

/// Fix 2: share a Sendable counter instead of a `var` (here `SafeTally`, a `Mutex`).
func countOnAllCores() -> Int {
    let total = SafeTally()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        total.add(1)
    }
    return total.value
}

func capturedVarFixes(_ cell: Cell) async {
    let fromTasks = await countInChildTasks()
    let fromCores = countOnAllCores()
    print("child tasks: \(fromTasks); concurrentPerform: \(fromCores)")
    cell.check(fromTasks == 4 && fromCores == 4, "4 increments each way, none lost")
}
// ANCHOR_END: captured-var-fixes
