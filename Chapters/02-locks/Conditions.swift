import Foundation
import Notebook
import Primitives

/// Polls `gate` until `count` threads are asleep in it (they are then all inside
/// `wait()`, since a waiter releases the lock only by waiting).
func waitUntilAsleep(_ gate: Gate, count: Int) {
    while gate.counts.waiting < count { usleep(1_000) }
}

// ANCHOR: signal-broadcast
func signalVersusBroadcast(_ cell: Cell) {
    let waiters = 5
    let gate = Gate()
    let threads = ThreadGroup.started(waiters) { _ in gate.passThrough() }
    waitUntilAsleep(gate, count: waiters)

    gate.open(wakeAll: false)               // the gate is open for everyone, but...
    Thread.sleep(forTimeInterval: 0.1)
    let afterSignal = gate.counts
    print("after signal():    \(afterSignal.passed) passed, \(afterSignal.waiting) still asleep at an open gate")

    gate.open(wakeAll: true)
    let allThrough = threads.join(timeout: .seconds(5))
    let afterBroadcast = gate.counts
    print("after broadcast(): \(afterBroadcast.passed) passed, \(afterBroadcast.waiting) asleep")

    cell.value("signal-woke", afterSignal.passed)
    cell.value("signal-waiters", waiters)
    cell.check(afterSignal.passed >= 1 && afterSignal.waiting > 0,
               "signal() woke one waiter (\(afterSignal.passed)); the others slept on although the gate was open")
    cell.check(allThrough && afterBroadcast.passed == waiters, "broadcast() woke every waiter")
}
// ANCHOR_END: signal-broadcast

// ANCHOR: event
func eventDemo(_ cell: Cell) {
    let start = Event()
    let timeline = cell.timeline("event", "Three workers wait for one Event, set after 50 ms")
    let released = ReleaseTimes()
    let workers = ThreadGroup.started(3) { id in
        timeline.span(lane: "worker-\(id + 1)", label: "wait") { start.wait() }
        released.record()
        timeline.span(lane: "worker-\(id + 1)", label: "work") { Thread.sleep(forTimeInterval: 0.02) }
    }
    Thread.sleep(forTimeInterval: 0.05)
    let setAt = ContinuousClock.now
    timeline.span(lane: "main", label: "set") { start.set() }
    let joined = workers.join(timeout: .seconds(5))

    start.clear()
    let timedOut = !start.wait(timeout: .milliseconds(30))   // cleared: waits, then gives up
    let delays = released.all.map { ($0 - setAt).seconds }
    print("all workers released by one set(): \(joined); after clear(), wait(timeout: 30 ms) timed out: \(timedOut)")
    cell.value("event-slowest-wakeup", (delays.max() ?? 0) * 1e6, digits: 0, unit: "µs")
    cell.check(joined && delays.count == 3, "one set() released all three waiting workers")
    cell.check(delays.allSatisfy { $0 >= 0 }, "no worker got past wait() before set() was called")
    cell.check(timedOut, "after clear(), wait(timeout:) returned false")
}
// ANCHOR_END: event
