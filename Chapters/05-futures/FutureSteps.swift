import Foundation
import Notebook
import Primitives
import Synchronization

// ANCHOR: box
func oneShotBox(_ cell: Cell) {
    let box = OneShotBox<Int>()
    let callbackRuns = Atomic<Int>(0)
    box.onSet { value in
        callbackRuns.wrappingAdd(1, ordering: .relaxed)
        print("callback: the box now holds \(value)")
    }
    let producer = ThreadGroup.started(1) { _ in
        pause(units: 1)              // a slow computation
        box.set(6 * 7)
    }
    let start = ContinuousClock.now
    let value = box.get()            // blocks until the producer has set it
    print("get() returned \(value) after \(Format.duration(seconds(since: start)))")
    producer.join()
    cell.check(value == 42, "get() waited for the producer and returned its value")
    cell.check(callbackRuns.load(ordering: .relaxed) == 1, "the callback ran once")
}
// ANCHOR_END: box

// ANCHOR: box-goes-wrong
func boxGoesWrong(_ cell: Cell) {
    let box = OneShotBox<String>()
    let callbackRuns = Atomic<Int>(0)
    box.onSet { value in
        callbackRuns.wrappingAdd(1, ordering: .relaxed)
        print("callback: \(value)")
    }
    box.set("result from the first try")
    let firstReader = box.get()
    box.set("result from a retry")       // a second completer: nothing stops it
    let secondReader = box.get()
    let lateRuns = Atomic<Int>(0)
    box.onSet { _ in lateRuns.wrappingAdd(1, ordering: .relaxed) }   // added after the set
    print("first reader saw:  \(firstReader)")
    print("second reader saw: \(secondReader)")
    print("the first callback ran \(callbackRuns.load(ordering: .relaxed)) times; the late one \(lateRuns.load(ordering: .relaxed)) times")
    cell.check(firstReader != secondReader, "two readers of the same box saw different values")
    cell.check(callbackRuns.load(ordering: .relaxed) == 2, "the callback ran twice, once per set")
    cell.check(lateRuns.load(ordering: .relaxed) == 0, "the callback added after the set never ran")
}
// ANCHOR_END: box-goes-wrong

// ANCHOR: future
func futureCompletesOnce(_ cell: Cell) throws {
    let promise = Promise<String>()
    let future = promise.future
    let callbackRuns = Atomic<Int>(0)
    future.onCompletion { result in
        callbackRuns.wrappingAdd(1, ordering: .relaxed)
        print("callback: \(result)")
    }
    let first = promise.succeed("result from the first try")
    let firstReader = try future.result()
    let second = promise.succeed("result from a retry")      // refused: the future is done
    let secondReader = try future.result()
    let lateRuns = Atomic<Int>(0)
    future.onCompletion { _ in lateRuns.wrappingAdd(1, ordering: .relaxed) }   // runs at once
    print("first succeed accepted: \(first); second succeed accepted: \(second)")
    print("both readers saw: \(firstReader == secondReader ? firstReader : "different values!")")
    print("the first callback ran \(callbackRuns.load(ordering: .relaxed)) time; the late one \(lateRuns.load(ordering: .relaxed)) time")
    print(future)
    cell.check(first && !second, "the first completion won; the second was refused")
    cell.check(firstReader == secondReader, "every reader saw the same value")
    cell.check(callbackRuns.load(ordering: .relaxed) == 1 && lateRuns.load(ordering: .relaxed) == 1,
               "each callback ran exactly once, the late one too")
}
// ANCHOR_END: future

// ANCHOR: timeout
func resultWithTimeout(_ cell: Cell) throws {
    let promise = Promise<Int>()
    let producer = ThreadGroup.started(1) { _ in
        pause(units: 3)
        promise.succeed(7)
    }
    let start = ContinuousClock.now
    var outcome = "a value"
    do {
        _ = try promise.future.result(timeout: unit)       // give up after 1 unit
    } catch {
        outcome = "\(error)"
    }
    let waited = seconds(since: start)
    print("result(timeout: 1 unit): \(outcome), after \(Format.duration(waited))")
    let value = try promise.future.result()                // the future is still good
    print("result() later: \(value), after \(Format.duration(seconds(since: start)))")
    producer.join()
    // ANCHOR_END: timeout
    cell.value("timeout-ideal", unit.seconds * 1000, digits: 0, unit: "ms")
    cell.value("timeout-waited", waited * 1000, digits: 1, unit: "ms")
    cell.check(outcome == "\(FutureError.timedOut)", "result(timeout:) threw FutureError.timedOut")
    cell.check(waited >= unit.seconds * 0.99 && waited < unit.seconds * 2.9,
               "it gave up after about 1 unit, before the value came: \(Format.duration(waited))")
    cell.check(value == 7, "the timeout left the future usable: result() then returned the value")
}
