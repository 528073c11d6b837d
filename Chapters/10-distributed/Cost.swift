import Foundation
import Notebook
import Primitives   // onOwnThread: blocking work on a thread of its own (chapter 06)
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

/// The JSON work of one remote call, as `ProcessActorSystem` does it: the argument and
/// the call encoded (parent), both decoded and the result and reply encoded (worker),
/// both decoded (parent). Returns 1, so the caller can count that it ran.
func jsonOfOneCall(_ n: Int) throws -> Int {
    let argument = String(decoding: try JSONEncoder().encode(n), as: UTF8.self)
    let call = CallMessage(callID: UInt64(n), recipient: "counter", target: "$s10chapter_107CounterC9increment2byS2i_tYaKFTE",
                           genericSubstitutions: [], arguments: [argument])
    let callLine = try JSONEncoder().encode(call)
    let received = try JSONDecoder().decode(CallMessage.self, from: callLine)
    let amount = try JSONDecoder().decode(Int.self, from: Data(received.arguments[0].utf8))
    let result = String(decoding: try JSONEncoder().encode(amount), as: UTF8.self)
    let replyLine = try JSONEncoder().encode(ReplyMessage(callID: received.callID, outcome: .value(json: result)))
    let reply = try JSONDecoder().decode(ReplyMessage.self, from: replyLine)
    guard case .value(let value) = reply.outcome, try JSONDecoder().decode(Int.self, from: Data(value.utf8)) == n else {
        throw ProcessActorError.serialization("the JSON round trip changed the value")
    }
    return 1
}

/// `x` rounded to two significant figures: the rounds vary more than a third digit.
func twoSignificantFigures(_ x: Double) -> String {
    guard x.isFinite, x > 0 else { return Format.number(x, digits: 1) }
    let magnitude = Int(floor(log10(x)))
    let unit = pow(10.0, Double(magnitude - 1))
    let rounded = (x / unit).rounded() * unit
    return magnitude >= 1 ? Format.count(Int(rounded)) : Format.number(rounded, digits: max(0, 1 - magnitude))
}

// ANCHOR: cost
func callCost(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in
        let worker = try system.startWorker(role: "counter-host")
        let remote = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)
        let local = Counter(actorSystem: system)
        let plainActor = PlainCounter()
        let rounds = 7

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
        let channel = echo.channel!
        let pipe: CallCost
        do {
            pipe = try await measure("pipe round trip, no actor", rounds: rounds, calls: 2_000) {
                try await onOwnThread {
                    for n in 0..<2_000 {
                        try channel.send(n)
                        guard try channel.receive(Int.self, timeout: .seconds(5)) == n else {
                            throw MessageChannelError.invalidMessage(line: "", reason: "the echo did not match")
                        }
                    }
                }
            }
        } catch {
            _ = await onOwnThread { echo.stop() }
            throw error
        }
        _ = await onOwnThread { echo.stop() }   // stop() blocks: not on the task pool
        // What the system adds in JSON: the eight encodings and decodings of one call,
        // done here in one thread, with no pipe and no actor.
        let json = try await measure("JSON of one call, no pipe", rounds: rounds, calls: 20_000) {
            for n in 0..<20_000 { total &+= try jsonOfOneCall(n) }
        }
        // ANCHOR_END: cost
        let costs = [function, actorCall, localDistributed, remoteCall, inFlight, pipe, json]
        cell.table("call-costs", "Cost per call: median of \(rounds) rounds, and the spread (min to max)",
                   header: ["call", "calls per round", "median per call", "spread", "× function call"],
                   rows: costs.map { cost in
                       [cost.kind, Format.count(cost.callsPerRound), Format.duration(cost.median),
                        "\(Format.duration(cost.low)) to \(Format.duration(cost.high))",
                        twoSignificantFigures(cost.median / function.median)]
                   })
        cell.barChart("remote-costs", "A remote call beside its transport (the ideal: a bare pipe round trip)", unit: "µs", [
            Bar("pipe round trip, no actor", pipe.median * 1e6),
            Bar("remote call", remoteCall.median * 1e6, ideal: pipe.median * 1e6),
            Bar("remote, 16 in flight (per call)", inFlight.median * 1e6),
        ])
        cell.value("cost-function", seconds: function.median)
        cell.value("cost-function-spread", text: "\(seconds: function.low) to \(seconds: function.high)")
        cell.value("cost-actor", seconds: actorCall.median)
        cell.value("cost-actor-spread", text: "\(seconds: actorCall.low) to \(seconds: actorCall.high)")
        cell.value("cost-local-distributed", seconds: localDistributed.median)
        cell.value("cost-local-distributed-spread", text: "\(seconds: localDistributed.low) to \(seconds: localDistributed.high)")
        cell.value("cost-remote", seconds: remoteCall.median)
        cell.value("cost-remote-spread", text: "\(seconds: remoteCall.low) to \(seconds: remoteCall.high)")
        cell.value("cost-in-flight", seconds: inFlight.median)
        cell.value("cost-pipe", seconds: pipe.median)
        cell.value("cost-json", seconds: json.median)
        cell.value("cost-rounds", rounds)
        cell.value("ratio-actor-function", text: twoSignificantFigures(actorCall.median / function.median))
        // Whether a local distributed call and a plain actor call differ more than the
        // rounds vary: words chosen by what this run measured.
        let overlap = localDistributed.low <= actorCall.high && actorCall.low <= localDistributed.high
        cell.value("local-versus-actor", text: overlap
            ? "the same cost within the noise of this run (the spreads of their rounds overlap)"
            : "\(twoSignificantFigures(localDistributed.median / actorCall.median)) times the plain actor call's, a difference larger than the spread of the rounds")
        cell.value("ratio-remote-local", text: twoSignificantFigures(remoteCall.median / localDistributed.median))
        cell.value("ratio-remote-pipe", text: twoSignificantFigures(remoteCall.median / pipe.median))
        cell.value("ratio-remote-pipe-range", text: "\(twoSignificantFigures(remoteCall.low / pipe.median)) to \(twoSignificantFigures(remoteCall.high / pipe.median))")
        let aboveFloor = remoteCall.median - pipe.median
        cell.value("cost-above-floor", seconds: aboveFloor)
        let share = json.median / aboveFloor
        cell.value("json-share-percent", text: "\(Int((100 * share).rounded()))%")
        cell.value("json-share-words", text: share >= 0.5
            ? "in this run, most of what the system adds"
            : "in this run, the smaller part of what the system adds")
        cell.value("ratio-remote-in-flight", text: twoSignificantFigures(remoteCall.median / inFlight.median))
        cell.check(total == Int(getpid()) + 2_000_000 * (rounds + 1) + json.callsPerRound * (rounds + 1),
                   "the function calls and the JSON round trips really ran (their sum is right)")
        cell.check(actorCall.median > 3 * function.median, "an actor call costs more than 3 function calls")
        cell.check(localDistributed.median < 5 * actorCall.median,
                   "used locally, a distributed actor costs less than 5 plain actor calls")
        cell.check(remoteCall.median > 10 * localDistributed.median,
                   "a call to another process costs more than 10 local distributed-actor calls")
        cell.check(remoteCall.median > pipe.median, "a remote call costs more than the bare pipe round trip under it")
    }
}
