import Foundation
import Notebook
import ProcessActors
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: cost-subjects
/// Not inlined, so that the loop below really calls it: an inlined `x &+ 1` would be
/// folded into one addition and measure nothing.
@inline(never)
func addOne(_ x: Int) -> Int { x &+ 1 }

/// A plain (not distributed) actor with the same method as `Counter`.
actor PlainCounter {
    private var count = 0
    func increment(by amount: Int) -> Int {
        count += amount
        return count
    }
}
// ANCHOR_END: cost-subjects

/// Per-call cost of one kind of call: the median over rounds, and the spread.
struct CallCost {
    let kind: String
    let callsPerRound: Int
    let perCall: [Double]  // seconds per call, one entry per round

    var median: Double { perCall.sorted()[perCall.count / 2] }
    var low: Double { perCall.min()! }
    var high: Double { perCall.max()! }
}

/// Runs `round` (which makes `calls` calls) once to warm up, then `rounds` times timed.
func measure(_ kind: String, rounds: Int, calls: Int, _ round: () async throws -> Void) async rethrows -> CallCost {
    try await round()
    var perCall: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        try await round()
        perCall.append((ContinuousClock.now - start).seconds / Double(calls))
    }
    return CallCost(kind: kind, callsPerRound: calls, perCall: perCall)
}

/// Runs blocking `body` on a thread of its own, off the task pool (chapter 06).
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

// ANCHOR: cost
func callCost(_ cell: Cell) async throws {
    let system = ProcessActorSystem()
    defer { system.shutdown() }
    let worker = try system.startWorker(role: "counter-host")
    let remote = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)
    let local = Counter(actorSystem: system)
    let plainActor = PlainCounter()
    let rounds = 5

    var total = Int(getpid())  // a start the compiler cannot know
    let function = await measure("plain function call", rounds: rounds, calls: 2_000_000) {
        for _ in 0..<2_000_000 { total = addOne(total) }
    }
    let actorCall = await measure("actor call", rounds: rounds, calls: 200_000) {
        for _ in 0..<200_000 { _ = await plainActor.increment(by: 1) }
    }
    let localDistributed = try await measure("distributed actor, local", rounds: rounds, calls: 200_000) {
        for _ in 0..<200_000 { _ = try await local.increment(by: 1) }
    }
    let remoteCall = try await measure("distributed actor, in a worker", rounds: rounds, calls: 2_000) {
        for _ in 0..<2_000 { _ = try await remote.increment(by: 1) }
    }
    let inFlight = try await measure("the same, 16 calls in flight", rounds: rounds, calls: 4_000) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<16 {
                group.addTask { for _ in 0..<250 { _ = try await remote.increment(by: 1) } }
            }
            try await group.waitForAll()
        }
    }
    // The transport alone: a number to a worker and back over the same kind of pipes,
    // from a thread of its own (the channel's calls block).
    let echo = try ChildProcess(role: "echo-lines", streams: .pipes)
    defer { echo.stop() }
    let channel = echo.channel!
    let pipe = try await measure("pipe round trip, no actor", rounds: rounds, calls: 2_000) {
        try await onOwnThread {
            for n in 0..<2_000 {
                try channel.send(n)
                guard try channel.receive(Int.self, timeout: .seconds(5)) == n else {
                    throw MessageChannelError.invalidMessage(line: "", reason: "the echo did not match")
                }
            }
        }
    }
    // ANCHOR_END: cost
    let costs = [function, actorCall, localDistributed, remoteCall, inFlight, pipe]
    cell.table("call-costs", "Cost per call: median of \(rounds) rounds, and the spread (min to max)",
               header: ["call", "calls per round", "median per call", "spread", "× function call"],
               rows: costs.map { cost in
                   [cost.kind, Format.count(cost.callsPerRound), Format.duration(cost.median),
                    "\(Format.duration(cost.low)) to \(Format.duration(cost.high))",
                    Format.number(cost.median / function.median, digits: 0)]
               })
    cell.barChart("remote-costs", "A remote call beside its transport (the ideal: a bare pipe round trip)", unit: "µs", [
        Bar("pipe round trip, no actor", pipe.median * 1e6),
        Bar("remote call", remoteCall.median * 1e6, ideal: pipe.median * 1e6),
        Bar("remote, 16 in flight (per call)", inFlight.median * 1e6),
    ])
    cell.value("cost-function", function.median * 1e9, digits: 1, unit: "ns")
    cell.value("cost-actor", actorCall.median * 1e9, digits: 0, unit: "ns")
    cell.value("cost-local-distributed", localDistributed.median * 1e9, digits: 0, unit: "ns")
    cell.value("cost-remote", remoteCall.median * 1e6, digits: 1, unit: "µs")
    cell.value("cost-in-flight", inFlight.median * 1e6, digits: 1, unit: "µs")
    cell.value("cost-pipe", pipe.median * 1e6, digits: 1, unit: "µs")
    cell.value("ratio-actor-function", actorCall.median / function.median, digits: 0)
    cell.value("ratio-remote-local", remoteCall.median / localDistributed.median, digits: 0)
    cell.value("ratio-remote-pipe", remoteCall.median / pipe.median, digits: 1)
    cell.value("ratio-remote-in-flight", remoteCall.median / inFlight.median, digits: 1)
    cell.check(total == Int(getpid()) + 2_000_000 * (rounds + 1), "the function calls really ran (their sum is right)")
    cell.check(actorCall.median > 3 * function.median, "an actor call costs more than 3 function calls")
    cell.check(localDistributed.median < 5 * actorCall.median,
               "used locally, a distributed actor costs less than 5 plain actor calls")
    cell.check(remoteCall.median > 10 * localDistributed.median,
               "a call to another process costs more than 10 local distributed-actor calls")
    cell.check(remoteCall.median > pipe.median, "a remote call costs more than the bare pipe round trip under it")
}
