import Foundation
import Synchronization
import Testing
@testable import Primitives

private struct Boom: Error, Equatable { var code: Int }

@Suite("Future and Promise")
struct FutureTests {
    @Test("16 threads race to complete one promise, 500 times: exactly one wins, and every reader sees its value")
    func exactlyOnceUnderRacingCompleters() throws {
        for _ in 0..<500 {
            let promise = Promise<Int>()
            let wins = Atomic<Int>(0)
            let callbackRuns = Atomic<Int>(0)
            let seenByCallback = LockedValue<Int?>(nil)
            promise.future.onCompletion { result in
                callbackRuns.wrappingAdd(1, ordering: .relaxed)
                seenByCallback.withLock { $0 = try? result.get() }
            }
            let start = Event()
            let racers = ThreadGroup.started(16) { id in
                start.wait()
                let won = id.isMultiple(of: 2) ? promise.succeed(id) : promise.fail(Boom(code: id))
                if won { wins.wrappingAdd(1, ordering: .relaxed) }
            }
            start.set()
            #expect(racers.join(timeout: .seconds(10)))
            #expect(wins.load(ordering: .relaxed) == 1)
            #expect(callbackRuns.load(ordering: .relaxed) == 1)
            // Every reader sees the same outcome as the callback did.
            let outcome = promise.future.completedResult
            switch outcome {
            case .success(let value)?:
                #expect(value.isMultiple(of: 2))
                #expect(try promise.future.result() == value)
                #expect(seenByCallback.withLock { $0 } == value)
            case .failure(let error as Boom)?:
                #expect(!error.code.isMultiple(of: 2))
                #expect(throws: error) { try promise.future.result() }
                #expect(seenByCallback.withLock { $0 } == nil)
            default:
                Issue.record("unexpected outcome \(String(describing: outcome))")
            }
        }
    }

    @Test("a second completion is refused and changes nothing")
    func secondCompletionIgnored() throws {
        let promise = Promise<String>()
        #expect(promise.succeed("first"))
        #expect(!promise.succeed("second"))
        #expect(!promise.fail(Boom(code: 1)))
        #expect(try promise.future.result() == "first")
        #expect(promise.future.isDone)
    }

    @Test("callbacks added before and after completion each run exactly once, from many threads")
    func callbacksRunOnce() {
        for _ in 0..<50 {
            let promise = Promise<Int>()
            let runs = LockedValue<[Int: Int]>([:])
            let values = LockedValue<Set<Int>>([])
            let start = Event()
            // 8 threads register 50 callbacks each while another thread completes the promise.
            let registrars = ThreadGroup.started(8) { thread in
                start.wait()
                for index in 0..<50 {
                    promise.future.onCompletion { result in
                        runs.withLock { $0[thread * 50 + index, default: 0] += 1 }
                        values.withLock { _ = $0.insert((try? result.get()) ?? -1) }
                    }
                }
            }
            let completer = ThreadGroup.started(1) { _ in
                start.wait()
                promise.succeed(7)
            }
            start.set()
            #expect(registrars.join(timeout: .seconds(10)))
            #expect(completer.join(timeout: .seconds(10)))
            let counts = runs.withLock { $0 }
            #expect(counts.count == 400)
            #expect(counts.values.allSatisfy { $0 == 1 })
            #expect(values.withLock { $0 } == [7])
        }
    }

    @Test("a callback added after completion runs at once, before onCompletion returns")
    func lateCallbackRunsNow() {
        let promise = Promise<Int>()
        promise.succeed(3)
        let seen = LockedValue<[Int]>([])
        promise.future.onCompletion { result in
            if let value = try? result.get() { seen.withLock { $0.append(value) } }
        }
        #expect(seen.withLock { $0 } == [3])
    }

    @Test("a callback may call result() and onCompletion() on its own future without deadlock")
    func callbackReentersFuture() throws {
        let promise = Promise<Int>()
        let inner = LockedValue<Int?>(nil)
        promise.future.onCompletion { _ in
            let value = try? promise.future.result()
            promise.future.onCompletion { _ in inner.withLock { $0 = value } }
        }
        promise.succeed(11)
        #expect(inner.withLock { $0 } == 11)
    }

    @Test("result(timeout:) throws timedOut after about the timeout, and the future stays usable")
    func resultTimeout() throws {
        let promise = Promise<Int>()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: FutureError.timedOut) { try promise.future.result(timeout: .milliseconds(50)) }
        let waited = clock.now - start
        #expect(waited >= .milliseconds(49))
        #expect(waited < .seconds(2))
        #expect(!promise.future.isDone)
        promise.succeed(5)
        #expect(try promise.future.result(timeout: .zero) == 5)
    }

    @Test("result(timeout:) returns as soon as another thread completes the future")
    func resultWakesOnCompletion() throws {
        let promise = Promise<Int>()
        let completer = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.02)
            promise.succeed(9)
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try promise.future.result(timeout: .seconds(5)) == 9)
        #expect(clock.now - start < .seconds(2))
        completer.join()
    }

    @Test("many threads blocked in result() all wake with the value")
    func manyWaiters() {
        let promise = Promise<Int>()
        let got = LockedValue<[Int]>([])
        let waiters = ThreadGroup.started(32) { _ in
            if let value = try? promise.future.result() { got.withLock { $0.append(value) } }
        }
        Thread.sleep(forTimeInterval: 0.01)
        promise.succeed(4)
        #expect(waiters.join(timeout: .seconds(10)))
        #expect(got.withLock { $0 } == Array(repeating: 4, count: 32))
    }

    @Test("an error completes the future: result() rethrows it, the callback receives it")
    func errorsRethrown() {
        let promise = Promise<Int>()
        let received = LockedValue<Boom?>(nil)
        promise.future.onCompletion { result in
            if case .failure(let error as Boom) = result { received.withLock { $0 = error } }
        }
        promise.fail(Boom(code: 42))
        #expect(throws: Boom(code: 42)) { try promise.future.result() }
        #expect(received.withLock { $0 } == Boom(code: 42))
        #expect(!promise.future.isCancelled)
    }

    @Test("cancel succeeds only while pending; a cancelled future refuses to run and to complete")
    func cancellation() {
        let pending = Promise<Int>()
        #expect(pending.future.cancel())
        #expect(pending.future.cancel(), "cancelling twice still reports cancelled")
        #expect(pending.future.isCancelled && pending.future.isDone)
        #expect(!pending.markRunning())
        #expect(!pending.succeed(1))
        #expect(throws: FutureError.cancelled) { try pending.future.result() }

        let running = Promise<Int>()
        #expect(running.markRunning())
        #expect(running.future.isRunning)
        #expect(!running.future.cancel())
        #expect(running.succeed(2))
        #expect(!running.future.cancel())
        #expect(!running.future.isCancelled)
    }

    @Test("cancel racing markRunning: exactly one of them wins, 2,000 times")
    func cancelRacesStart() {
        for _ in 0..<2_000 {
            let promise = Promise<Int>()
            let started = Atomic<Bool>(false)
            let cancelled = Atomic<Bool>(false)
            let gate = Event()
            let threads = ThreadGroup()
            threads.spawn { gate.wait(); if promise.markRunning() { started.store(true, ordering: .relaxed) } }
            threads.spawn { gate.wait(); if promise.future.cancel() { cancelled.store(true, ordering: .relaxed) } }
            gate.set()
            threads.join()
            #expect(started.load(ordering: .relaxed) != cancelled.load(ordering: .relaxed))
        }
    }

    @Test("the async bridge returns the value or throws the error, completed before or after the await")
    func asyncBridge() async throws {
        let early = Promise<Int>()
        early.succeed(1)
        #expect(try await early.future.value == 1)

        let late = Promise<Int>()
        let completer = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.02)
            late.succeed(2)
        }
        #expect(try await late.future.value == 2)
        completer.join()

        let failing = Promise<Int>()
        failing.fail(Boom(code: 3))
        await #expect(throws: Boom(code: 3)) { try await failing.future.value }
    }

    @Test("description names the state")
    func description() {
        let promise = Promise<Int>()
        #expect(promise.future.description == "Future<Int>(pending)")
        _ = promise.markRunning()
        #expect(promise.future.description == "Future<Int>(running)")
        promise.succeed(8)
        #expect(promise.future.description == "Future<Int>(finished: 8)")
        let cancelled = Promise<Int>()
        cancelled.future.cancel()
        #expect(cancelled.future.description == "Future<Int>(cancelled)")
    }
}
