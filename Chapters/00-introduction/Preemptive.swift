import Foundation
import Notebook
import Primitives

// ANCHOR: slices
/// A stretch of time during which a thread ran on a core.
typealias Slice = (start: ContinuousClock.Instant, end: ContinuousClock.Instant)

/// Computes `chunks` small chunks of arithmetic and returns the stretches of time during
/// which this thread actually ran. The thread never pauses on purpose; when two clock
/// readings, one chunk apart, are much further apart than a chunk takes, the scheduler
/// had taken the core away in between.
func computeRecordingSlices(chunks: Int, chunk: ArithmeticJob, chunkSeconds: Double)
    -> [Slice] {
    let pause = Duration.seconds(chunkSeconds) + .microseconds(200)   // far more than a chunk takes
    var slices: [Slice] = []
    var sliceStart = ContinuousClock.now, last = sliceStart
    for _ in 0..<chunks {
        blackHole(chunk.run())
        let now = ContinuousClock.now
        if now - last > pause {              // off the core between `last` and about `now`
            slices.append((sliceStart, last))
            sliceStart = now
        }
        last = now
    }
    slices.append((sliceStart, last))
    return slices
}
// ANCHOR_END: slices

/// The least "all the jobs together / one job alone" that the check accepts; the ideal
/// is threads / cores = 2. A debug build is the test suite's, whose timings wander far
/// more (35 debug runs on an idle machine: 1.38 to 3.68; two soaks of 20 release runs:
/// 2.06 to 2.44), so there the check asks only for what proves the point: clearly more
/// than 1, which is what threads that each had a core of their own would give.
#if DEBUG
let preemptiveRatioFloor = 1.2
#else
let preemptiveRatioFloor = 1.5
#endif

// ANCHOR: preemptive
func preemptive(_ cell: Cell) {
    let chunkSeconds = 0.000_02, chunks = 2_000                  // 2,000 chunks of 20 µs: 40 ms of work
    let chunk = ArithmeticJob.lasting(chunkSeconds)
    let threads = 2 * cores                                       // twice as many threads as cores
    /// Starts one job on a thread of its own, waiting for `startLine`.
    func job(waitingFor startLine: Event) -> JoinableThread<[Slice]> {
        JoinableThread(name: "job") {
            startLine.wait()
            return computeRecordingSlices(chunks: chunks, chunk: chunk, chunkSeconds: chunkSeconds)
        }
    }

    // One job alone, three times; the fastest is the one other programs disturbed least.
    let alone = (1...3).map { _ in
        let go = Event()
        let single = job(waitingFor: go)
        go.set()
        let slices = single.join()
        return (slices.last!.end - slices.first!.start).seconds
    }.min()!

    // All the jobs at once, released together from a start line.
    let timeline = cell.timeline("preemptive", "\(threads) computing threads on \(cores) cores: when each one actually ran")
    let go = Event()
    let jobs = (0..<threads).map { _ in job(waitingFor: go) }
    Thread.sleep(forTimeInterval: 0.01)                           // every thread reaches the start line
    let start = ContinuousClock.now
    go.set()
    let slices = jobs.map { $0.join() }
    let together = (ContinuousClock.now - start).seconds
    print("one job alone: \(Format.duration(alone)); \(threads) jobs on \(threads) threads: \(Format.duration(together))")
    print("stretches on a core, per thread: " + slices.map { "\($0.count)" }.joined(separator: ", "))
    // ANCHOR_END: preemptive

    for (index, runs) in slices.enumerated() {
        for run in runs { timeline.record(lane: "thread \(index + 1)", label: "", from: run.start, to: run.end) }
    }
    let ratio = together / alone
    // Two measured parts of why "together" exceeds threads / cores × alone on an idle
    // machine: once one thread is left, a core has nothing to do; and the start line and
    // the joins take time. (Runs show both small: the jobs' own slowdown is the rest.)
    let finishes = slices.map { $0.last!.end }.sorted()
    let lastAlone = (finishes[finishes.count - 1] - finishes[finishes.count - 2]).seconds
    let startAndJoin = together - (finishes.last! - start).seconds
    let fewest = slices.map(\.count).min()!
    let paused = slices.filter { $0.count >= 2 }.count            // threads the scheduler paused at least once
    cell.value("preemptive-threads", threads)
    cell.value("preemptive-alone", alone * 1000, digits: 0, unit: "ms")
    cell.value("preemptive-together", together * 1000, digits: 0, unit: "ms")
    cell.value("preemptive-ratio", ratio, digits: 2)
    cell.value("preemptive-fewest-slices", fewest)
    cell.value("preemptive-most-slices", slices.map(\.count).max()!)
    cell.value("preemptive-paused-threads", paused)
    cell.value("preemptive-ideal", Double(threads) / Double(cores), digits: 0)
    cell.value("preemptive-floor", preemptiveRatioFloor, digits: 1)
    cell.value("preemptive-last-alone", text: Format.duration(lastAlone))
    cell.value("preemptive-start-and-join", text: Format.duration(max(0, startAndJoin)))
    if !Notebook.isThreadSanitized {
        // At least half: a thread that got a core first can, now and then, run its short job
        // straight through while the others wait, so "every thread" is not guaranteed.
        cell.check(paused >= cores, "the scheduler paused \(paused) of the \(threads) threads and resumed them later, though none ever paused on purpose")
        // Each core can run one thread at a time: twice the threads take about twice as long (wide margin).
        cell.check(ratio > preemptiveRatioFloor,
                   "\(threads) jobs on \(cores) cores took more than \(preemptiveRatioFloor) × one job (\(Format.number(ratio))×)")
    }
}
