import EventLoop
import Foundation
import Notebook

// ANCHOR: countdown
/// A job that counts down, pausing between steps: Python's
///
///     def countdown(name, n, pause):
///         while True:
///             n -= 1
///             if n == 0:
///                 return                  # n steps, n - 1 pauses between them
///             yield ("sleep", pause)
///
/// by hand. Its local variables (`remaining`) live in the struct between steps, the way a
/// generator's live in its frame.
struct Countdown: ResumableJob {
    let name: String
    var remaining: Int
    let pause: Duration

    mutating func resume() -> JobStep {
        remaining -= 1
        return remaining > 0 ? .sleep(pause) : .finished
    }
}
// ANCHOR_END: countdown

// ANCHOR: round-robin-cell
func roundRobin(_ cell: Cell) {
    var scheduler = RoundRobinScheduler()
    let jobs = [Countdown(name: "A", remaining: 4, pause: .milliseconds(30)),
                Countdown(name: "B", remaining: 4, pause: .milliseconds(20)),
                Countdown(name: "C", remaining: 3, pause: .milliseconds(50))]
    for job in jobs { scheduler.spawn(job) }

    let timeline = cell.timeline("round-robin", "Three countdowns taking turns on one thread")
    let start = ContinuousClock.now
    var steps: [String: Int] = [:]
    var threads = Set<String>()
    scheduler.run { name, step in
        steps[name, default: 0] += 1
        threads.insert("\(pthread_self())")
        let now = ContinuousClock.now
        print("\(Format.duration((now - start).seconds))  \(name) step \(steps[name]!): \(step)")
        timeline.record(lane: "job \(name)", label: "step \(steps[name]!)", from: now, to: now + .milliseconds(1))
    }
    let elapsed = (ContinuousClock.now - start).seconds
    // ANCHOR_END: round-robin-cell

    // One job after another would sleep through every pause in turn.
    let oneAfterAnother = jobs.map { Double($0.remaining - 1) * $0.pause.seconds }.reduce(0, +)
    let longest = jobs.map { Double($0.remaining - 1) * $0.pause.seconds }.max()!
    cell.value("round-robin-elapsed", elapsed, digits: 3, unit: "s")
    cell.value("round-robin-ideal", longest, digits: 2, unit: "s")
    cell.value("round-robin-sequential", oneAfterAnother, digits: 2, unit: "s")
    cell.check(jobs.allSatisfy { steps[$0.name] == $0.remaining },
               "every job ran each of its steps once: \(steps.sorted { $0.key < $1.key })")
    cell.check(threads.count == 1, "every step ran on the same thread (\(threads.count) seen)")
    cell.check(elapsed < 0.8 * oneAfterAnother,
               "the pauses overlapped: \(Format.duration(elapsed)) < 0.8 × \(Format.duration(oneAfterAnother))")
}
