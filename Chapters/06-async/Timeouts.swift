import Foundation
import Loopback
import Notebook
import Primitives
import Synchronization

func timeouts(_ cell: Cell) async throws {
    // ANCHOR: timeout
    let fast = try await withTimeout(.milliseconds(100)) {
        try await Task.sleep(for: .milliseconds(30))
        return "fast result"
    }
    print("30 ms of work, 100 ms limit: \(fast)")

    let start = ContinuousClock.now
    var timedOutAfter = 0.0
    do {
        _ = try await withTimeout(.milliseconds(100)) {
            try await Task.sleep(for: .seconds(5))
            return "never"
        }
    } catch {
        timedOutAfter = secondsSince(start)
        print("5 s of work, 100 ms limit: \(error) after \(Format.duration(timedOutAfter))")
    }

    // Work that never checks for cancellation: the limit cannot interrupt it.
    let stubbornStart = ContinuousClock.now
    let stubborn = await Result {
        try await withTimeout(.milliseconds(50)) {
            compute(for: .milliseconds(300))
            return "finished anyway"
        }
    }
    let stubbornTime = secondsSince(stubbornStart)
    print("300 ms of non-cooperative work, 50 ms limit: \(stubborn) after \(Format.duration(stubbornTime))")

    // The timer is a child task too: when its sleep ends, it needs a pool thread to run on.
    // Keep every other pool thread busy (one hog per other core) and no thread is free to
    // run it until the work ends, so the work's result arrives first.
    let otherThreads = await poolWidth() - 1
    let hogs = (0..<otherThreads).map { _ in Task.detached { compute(for: .milliseconds(900)) } }
    try await Task.sleep(for: .milliseconds(20))  // let the hogs take their threads
    let saturatedStart = ContinuousClock.now
    let saturated = await Result {
        try await withTimeout(.milliseconds(50)) {
            compute(for: .milliseconds(300))
            return "finished anyway"
        }
    }
    let saturatedTime = secondsSince(saturatedStart)
    for hog in hogs { await hog.value }
    print("the same with \(Format.count(otherThreads, "other pool thread")) kept busy: \(saturated) after \(Format.duration(saturatedTime))")

    // A real request the server answers only after 10 s. On Linux, cancelling a URLSession
    // request can hang or crash if its answer arrives at that instant (Swift 6.3.1,
    // swift-corelibs-foundation issue #5412; fixed upstream by PR #5417, not in this
    // toolchain). So the request is abandoned on cancellation, never cancelled (chapter 08).
    let (slowRequest, requestTime) = try await withLoopbackServer { server in
        let client = LoopbackClient(server: server, maximumConnections: 2)
        defer { client.finishAndInvalidate() }  // lets the abandoned request end by itself
        let requestStart = ContinuousClock.now
        let outcome = await Result {
            try await withTimeout(.milliseconds(100)) { try await client.getAbandoningOnCancel("/slow/1") }
        }
        return (outcome, secondsSince(requestStart))
    }
    print("GET /slow/1 (answered after 10 s), 100 ms limit: \(slowRequest) after \(Format.duration(requestTime))")
    // ANCHOR_END: timeout

    cell.value("timeout-time", timedOutAfter, digits: 3, unit: "s")
    cell.value("stubborn-timeout-time", stubbornTime, digits: 3, unit: "s")
    cell.check(fast == "fast result", "work within the limit returns its result")
    cell.check(timedOutAfter >= 0.1 && timedOutAfter < 1,
               "the slow work was stopped after \(seconds: timedOutAfter) (limit 0.1 s), not after 5 s")
    cell.value("request-timeout-time", requestTime, digits: 3, unit: "s")
    cell.check(requestTime >= 0.1 && requestTime < 1,
               "the 10 s request was abandoned after \(seconds: requestTime) (limit 0.1 s)")
    let stubbornDiscarded = if case .failure(let error) = stubborn { error is OperationTimedOut } else { false }
    cell.check(stubbornDiscarded,
               "with another pool thread free, the timer fired on time although the work kept its thread: the finished work's result was discarded")
    cell.check(stubbornTime >= 0.3, "withTimeout returned only when the non-cooperative work ended (\(seconds: stubbornTime))")
    cell.value("timeout-pool-width", otherThreads + 1)
    cell.value("timeout-other-threads", otherThreads)
    cell.value("saturated-timeout-time", seconds: saturatedTime)
    let saturatedReturned = if case .success = saturated { true } else { false }
    cell.check(saturatedReturned,
               "with no other pool thread free, the timer could not run before the work ended: withTimeout returned the work's value")
}

extension Result where Failure == any Error {
    /// `Result { try await ... }`: the async version of `Result(catching:)`.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// How many tasks the pool runs at once, measured: tasks that compute without an `await`
/// each hold a pool thread, so the most of them running together is the pool's width.
func poolWidth() async -> Int {
    let gauge = RunningTasksGauge()
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<(4 * UsableCores.allowedByAffinity) {   // more than the pool can run at once
            group.addTask { gauge.inside { compute(for: .milliseconds(20)) } }
        }
    }
    return gauge.most.load(ordering: .relaxed)
}

/// Counts the tasks inside a region now, and the most there ever were.
final class RunningTasksGauge: Sendable {
    private let running = Atomic<Int>(0)
    let most = Atomic<Int>(0)

    func inside(_ body: () -> Void) {
        most.max(running.wrappingAdd(1, ordering: .relaxed).newValue, ordering: .relaxed)
        body()
        running.wrappingSubtract(1, ordering: .relaxed)
    }
}
