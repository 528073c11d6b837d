import Foundation
import Synchronization
import Testing
@testable import Primitives

private struct JobFailed: Error, Equatable { var input: Int }

@Suite("ThreadPoolExecutor")
struct ThreadPoolExecutorTests {
    @Test("100,000 tiny jobs on 8 workers: every result correct, map in input order")
    func underLoad() throws {
        let count = 100_000
        try withThreadPool(workers: 8) { pool in
            let futures = try (0..<count).map { n throws(ExecutorError) in try pool.submit { n * 2 } }
            let results = try futures.map { try $0.result(timeout: .seconds(60)) }
            #expect(results == (0..<count).map { $0 * 2 })

            let mapped = try pool.map(0..<count) { n in n * n }
            #expect(mapped == (0..<count).map { $0 * $0 })
        }
    }

    @Test("map returns results in input order even when later inputs finish first")
    func mapKeepsInputOrder() throws {
        let finishOrder = LockedValue<[Int]>([])
        let results = try withThreadPool(workers: 4) { pool in
            try pool.map([40, 30, 20, 10]) { milliseconds in
                Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
                finishOrder.withLock { $0.append(milliseconds) }
                return milliseconds
            }
        }
        #expect(results == [40, 30, 20, 10])
        #expect(finishOrder.withLock { $0 }.sorted() == [10, 20, 30, 40])
    }

    @Test("jobs run on the pool's named worker threads, at most `workers` at once")
    func concurrencyBound() throws {
        let running = Atomic<Int>(0)
        let peak = Atomic<Int>(0)
        let names = LockedValue<Set<String>>([])
        try withThreadPool(workers: 3, name: "tester") { pool in
            _ = try pool.map(0..<60) { _ in
                let now = running.wrappingAdd(1, ordering: .relaxed).newValue
                peak.max(now, ordering: .relaxed)
                names.withLock { _ = $0.insert(ThreadPoolExecutor.currentWorkerName ?? "?") }
                Thread.sleep(forTimeInterval: 0.002)
                running.wrappingSubtract(1, ordering: .relaxed)
            }
        }
        #expect(peak.load(ordering: .relaxed) <= 3)
        #expect(peak.load(ordering: .relaxed) >= 1)
        let seen = names.withLock { $0 }
        #expect(!seen.isEmpty && seen.isSubset(of: ["tester-1", "tester-2", "tester-3"]))
        #expect(ThreadPoolExecutor.currentWorkerName == nil, "the test's own thread is not a worker")
    }

    @Test("an error thrown in a job is rethrown by result(), and by map for the first failing input")
    func errorsPropagate() throws {
        try withThreadPool(workers: 2) { pool in
            let future = try pool.submit { () throws -> Int in throw JobFailed(input: 1) }
            #expect(throws: JobFailed(input: 1)) { try future.result() }
            #expect(throws: JobFailed(input: 3)) {
                try pool.map(0..<10) { n in
                    if n == 3 || n == 7 { throw JobFailed(input: n) }
                    return n
                }
            }
        }
    }

    @Test("after shutdown no job is accepted; with wait true every queued job has finished")
    func shutdownSemantics() throws {
        let finished = Atomic<Int>(0)
        let pool = ThreadPoolExecutor(workers: 2)
        #expect(pool.state == .running)
        var futures: [Future<Int>] = []
        for n in 0..<20 {
            futures.append(try pool.submit {
                Thread.sleep(forTimeInterval: 0.005)
                finished.wrappingAdd(1, ordering: .relaxed)
                return n
            })
        }
        pool.shutdown(wait: true)
        #expect(pool.state == .stopped)
        #expect(finished.load(ordering: .relaxed) == 20)
        #expect(futures.allSatisfy { $0.isDone })
        #expect(throws: ExecutorError.shutDown) { try pool.submit { 0 } }
        pool.shutdown(wait: true)   // a second call is harmless
        #expect(pool.state == .stopped)
    }

    @Test("shutdown(wait: false) returns at once; the queued jobs still finish and the pool stops")
    func shutdownWithoutWaiting() throws {
        let pool = ThreadPoolExecutor(workers: 1)
        let futures = try (0..<5).map { n throws(ExecutorError) in
            try pool.submit { Thread.sleep(forTimeInterval: 0.02); return n }
        }
        let clock = ContinuousClock()
        let start = clock.now
        pool.shutdown(wait: false)
        #expect(clock.now - start < .milliseconds(50))
        #expect(throws: ExecutorError.shutDown) { try pool.submit { 0 } }
        #expect(try futures.map { try $0.result(timeout: .seconds(10)) } == [0, 1, 2, 3, 4])
        pool.shutdown(wait: true)
        #expect(pool.state == .stopped)
    }

    @Test("submits racing a shutdown: each is either refused or run, never lost")
    func submitRacesShutdown() {
        for _ in 0..<50 {
            let pool = ThreadPoolExecutor(workers: 2)
            let accepted = LockedValue<[Future<Int>]>([])
            let refused = Atomic<Int>(0)
            let gate = Event()
            let submitters = ThreadGroup.started(4) { id in
                gate.wait()
                for n in 0..<50 {
                    do { let future = try pool.submit { id * 100 + n }; accepted.withLock { $0.append(future) } }
                    catch { refused.wrappingAdd(1, ordering: .relaxed) }
                }
            }
            gate.set()
            pool.shutdown(wait: true)
            #expect(submitters.join(timeout: .seconds(10)))
            let futures = accepted.withLock { $0 }
            #expect(futures.count + refused.load(ordering: .relaxed) == 200)
            #expect(futures.allSatisfy { $0.isDone }, "every accepted job ran before shutdown(wait: true) returned")
        }
    }

    @Test("the scoped form shuts the pool down when its body throws, after the queued jobs")
    func scopedShutsDownOnThrow() {
        let escaped = LockedValue<ThreadPoolExecutor?>(nil)
        let finished = Atomic<Int>(0)
        #expect(throws: JobFailed(input: 0)) {
            try withThreadPool(workers: 2) { pool in
                escaped.withLock { $0 = pool }
                for _ in 0..<6 {
                    _ = try pool.submit { Thread.sleep(forTimeInterval: 0.01); finished.wrappingAdd(1, ordering: .relaxed) }
                }
                throw JobFailed(input: 0)
            }
        }
        let pool = escaped.withLock { $0 }
        #expect(pool?.state == .stopped)
        #expect(finished.load(ordering: .relaxed) == 6)
        #expect(throws: ExecutorError.shutDown) { try pool?.submit { 0 } }
    }

    @Test("a job cancelled while queued never runs; a running job cannot be cancelled")
    func cancelQueuedJob() throws {
        let ran = Atomic<Int>(0)
        try withThreadPool(workers: 1) { pool in
            let started = Event(), release = Event()
            let blocker = try pool.submit { started.set(); release.wait(); return 1 }
            let queued = try pool.submit { ran.wrappingAdd(1, ordering: .relaxed); return 2 }
            #expect(started.wait(timeout: .seconds(5)))
            #expect(!blocker.cancel())
            #expect(queued.cancel())
            release.set()
            #expect(try blocker.result() == 1)
            #expect(throws: FutureError.cancelled) { try queued.result() }
        }
        #expect(ran.load(ordering: .relaxed) == 0)
    }

    @Test("the state machine: transitions in order, repeated shutdowns change nothing")
    func stateTransitions() {
        var state = ExecutorState.running
        let began = state.beginShutdown(workers: 2)
        #expect(began)
        #expect(state == .shuttingDown(liveWorkers: 2))
        let beganAgain = state.beginShutdown(workers: 2)
        #expect(!beganAgain)
        state.workerExited()
        #expect(state == .shuttingDown(liveWorkers: 1))
        state.workerExited()
        #expect(state == .stopped)
        let beganWhenStopped = state.beginShutdown(workers: 2)
        #expect(!beganWhenStopped)
        #expect(state == .stopped)
    }
}
