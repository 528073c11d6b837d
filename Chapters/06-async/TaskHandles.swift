import Foundation
import Primitives
import Notebook

// ANCHOR: task-handles
func taskHandles(_ cell: Cell) async throws {
    let start = ContinuousClock.now
    // From a nonisolated function, Task { } starts on the pool at once, concurrently with
    // the code that created it. (From an actor it waits for the actor: see below.)
    let handle = Task { () -> Int in
        try await Task.sleep(for: .milliseconds(200))
        return 42
    }
    let creating = secondsSince(start)
    print("Task created after \(Format.duration(creating)); the caller carries on")
    let answer = try await handle.value  // the handle is the task's future
    let waited = secondsSince(start)
    print("handle.value = \(answer) after \(Format.duration(waited))")

    cell.value("task-create-time", creating * 1000, digits: 3, unit: "ms")
    cell.value("task-value-time", waited, digits: 3, unit: "s")
    cell.check(answer == 42, "the handle's value is the task's result")
    cell.check(creating < 0.2, "creating the task took \(seconds: creating), less than its 0.2 s of work: it did not wait")
    cell.check(waited >= 0.2, "value waited for the task: \(seconds: waited) >= 0.2 s")
}
// ANCHOR_END: task-handles

/// Set by a task that noticed its cancellation, so the caller can see it afterwards.
final class CancellationWitness: Sendable {
    private let noticed = Locked<Bool?>(nil)
    func record(cancelled: Bool) { noticed.withLock { $0 = cancelled } }
    /// nil while the task is still running; then whether it saw a cancellation.
    var outcome: Bool? { noticed.withLock { $0 } }
}

/// Sleeps up to `limit`, then records whether the sleep was cut short by cancellation.
func sleepAndReport(_ limit: Duration, to witness: CancellationWitness) async {
    do {
        try await Task.sleep(for: limit)
        witness.record(cancelled: false)
    } catch {
        witness.record(cancelled: true)
    }
}

// ANCHOR: async-let-scope
/// Binds a child with `async let` and returns without awaiting it.
func leaveWithoutAwaiting(_ witness: CancellationWitness) async {
    async let _ = sleepAndReport(.seconds(5), to: witness)  // a child task nobody awaits
    print("returning without awaiting the child")
    // Leaving the scope cancels the child and waits for it to finish.
}

/// Starts an unstructured task and returns its handle without awaiting it.
func startAndForget(_ witness: CancellationWitness) -> Task<Void, Never> {
    Task { await sleepAndReport(.seconds(5), to: witness) }
}

func asyncLetScope(_ cell: Cell) async {
    let structured = CancellationWitness()
    let start = ContinuousClock.now
    await leaveWithoutAwaiting(structured)
    let structuredTime = secondsSince(start)
    print("async let: the function returned after \(Format.duration(structuredTime)); child cancelled: \(structured.outcome.map(String.init) ?? "still running")")

    let unstructured = CancellationWitness()
    let handle = startAndForget(unstructured)
    print("Task {}:  the function returned; the task is \(unstructured.outcome == nil ? "still running" : "finished")")
    handle.cancel()  // nobody else would: an unstructured task is ours to cancel
    await handle.value
    print("Task {}:  after handle.cancel(), cancelled: \(unstructured.outcome.map(String.init) ?? "?")")
// ANCHOR_END: async-let-scope

    cell.value("async-let-return-time", structuredTime * 1000, digits: 1, unit: "ms")
    cell.check(structured.outcome == true,
               "the async let child had finished, cancelled, before its scope returned")
    cell.check(structuredTime < 1, "the scope returned in \(seconds: structuredTime), not after the child's 5 s sleep")
    cell.check(unstructured.outcome == true, "the Task ran on after its creator returned, until cancelled")
}

// ANCHOR: detached
func detachedTasks(_ cell: Cell) async {
    let (inherited, detached, childPriority) = await Trace.$requestID.withValue("req-7") {
        await Task(priority: .high) {
            let inherited = await Task { Trace.requestID }.value
            let detached = await Task.detached { Trace.requestID }.value
            let childPriority = await Task { Task.currentPriority }.value
            return (inherited, detached, childPriority)
        }.value
    }
    print("task-local requestID seen by Task {}:         \(inherited)")
    print("task-local requestID seen by Task.detached {}: \(detached)")
    print("priority of a Task {} created in a .high task: \(childPriority)")
// ANCHOR_END: detached
    cell.check(inherited == "req-7", "Task {} inherits task-local values")
    cell.check(detached == Trace.defaultRequestID, "Task.detached starts without them")
    cell.check(childPriority == .high, "Task {} inherits the creating task's priority (.high)")
}
