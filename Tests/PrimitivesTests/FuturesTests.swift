import Foundation
import Synchronization
import Testing
@testable import Primitives

private struct Failed: Error, Equatable {}

@Suite("Futures: as_completed and wait")
struct FuturesTests {
    @Test("asCompleted yields each future exactly once, in completion order (completers race, 200 times)")
    func completionOrder() {
        for _ in 0..<200 {
            let promises = (0..<16).map { _ in Promise<Int>() }
            let futures = promises.map(\.future)
            // Completion order as the completers themselves record it, under one lock.
            let order = LockedValue<[Int]>([])
            let gate = Event()
            let completers = ThreadGroup.started(16) { index in
                gate.wait()
                order.withLock { order in
                    promises[index].succeed(index)
                    order.append(index)
                }
            }
            let completions = Futures.asCompleted(futures + futures)   // duplicates come out once
            gate.set()
            var seen: [Int] = []
            for future in completions {
                #expect(future.isDone)
                if let value = try? future.result() { seen.append(value) }
            }
            #expect(completers.join(timeout: .seconds(10)))
            #expect(seen == order.withLock { $0 })
        }
    }

    @Test("futures already done are yielded too; an empty list yields nothing")
    func alreadyDone() {
        let done = Promise<Int>()
        done.succeed(1)
        #expect(Array(Futures.asCompleted([done.future])).count == 1)
        #expect(Array(Futures.asCompleted([Future<Int>]())).isEmpty)
    }

    @Test("next(timeout:) throws timedOut when nothing completes in time, then carries on")
    func completionTimeout() throws {
        let slow = Promise<Int>()
        let completions = Futures.asCompleted([slow.future])
        #expect(throws: FutureError.timedOut) { try completions.next(timeout: .milliseconds(20)) }
        slow.succeed(1)
        #expect(try completions.next(timeout: .seconds(1)) === slow.future)
        #expect(try completions.next(timeout: .seconds(1)) == nil)
    }

    @Test("wait(.firstCompleted) returns after the first completion; .allCompleted after the last")
    func waitConditions() throws {
        try withThreadPool(workers: 3) { pool in
            let futures = try [30, 60, 90].map { ms throws(ExecutorError) in
                try pool.submit { Thread.sleep(forTimeInterval: Double(ms) / 1000); return ms }
            }
            let first = Futures.wait(futures, until: .firstCompleted)
            #expect(first.done.count >= 1)
            #expect(first.done.first === futures[0])
            let all = Futures.wait(futures, until: .allCompleted)
            #expect(all.done.count == 3 && all.notDone.isEmpty)
        }
    }

    @Test("wait with a timeout returns with the unfinished futures in notDone")
    func waitTimeout() throws {
        let never = Promise<Int>()
        let soon = Promise<Int>()
        soon.succeed(1)
        let clock = ContinuousClock()
        let start = clock.now
        let result = Futures.wait([soon.future, never.future], until: .allCompleted, timeout: .milliseconds(40))
        let waited = clock.now - start
        #expect(waited >= .milliseconds(39) && waited < .seconds(2))
        #expect(result.done.count == 1 && result.done[0] === soon.future)
        #expect(result.notDone.count == 1 && result.notDone[0] === never.future)
    }

    @Test("wait(.firstFailure) returns at the first failure, or when all are done if none fails")
    func waitFirstFailure() {
        let ok = Promise<Int>(), bad = Promise<Int>(), never = Promise<Int>()
        ok.succeed(1)
        bad.fail(Failed())
        let result = Futures.wait([ok.future, bad.future, never.future], until: .firstFailure, timeout: .seconds(5))
        #expect(result.notDone.count == 1 && result.notDone[0] === never.future)

        let a = Promise<Int>(), b = Promise<Int>()
        a.succeed(1)
        b.succeed(2)
        #expect(Futures.wait([a.future, b.future], until: .firstFailure).notDone.isEmpty)
    }
}
