import Foundation
import Notebook
import Primitives

/// A job of the window experiment: it holds a slot of the gauge for `milliseconds`.
func runJob(_ job: Int, milliseconds: Int, gauge: RunningGauge, timeline: Timeline) async {
    let slot = gauge.enter()
    let began = ContinuousClock.now
    try? await Task.sleep(for: .milliseconds(milliseconds))
    timeline.record(lane: "slot \(slot)", label: "job \(job)", from: began, to: .now)
    gauge.leave(slot: slot)
}

// ANCHOR: batches
/// The naive limit: start `limit` jobs, wait for all of them, start the next `limit`.
/// Every batch lasts as long as its slowest job, while the other slots sit idle.
func inBatches(_ durations: [Int], limit: Int, gauge: RunningGauge, timeline: Timeline) async {
    for batchStart in stride(from: 0, to: durations.count, by: limit) {
        await withTaskGroup(of: Void.self) { group in
            for job in batchStart..<min(batchStart + limit, durations.count) {
                group.addTask { await runJob(job, milliseconds: durations[job], gauge: gauge, timeline: timeline) }
            }
        }
    }
}
// ANCHOR_END: batches

func slidingWindow(_ cell: Cell) async {
    let limit = 4
    // Every fourth job is slow: each batch of four holds exactly one.
    let durations = (0..<24).map { $0.isMultiple(of: 4) ? 60 : 10 }
    let work = Double(durations.reduce(0, +)) / 1000
    let ideal = max(work / Double(limit), Double(durations.max()!) / 1000)
    let batchIdeal = Double(durations.count / limit * 60) / 1000

    let batchGauge = RunningGauge()
    let batchTimeline = cell.timeline("batches-timeline", "24 jobs in batches of \(limit) (lane = slot)")
    let batchStart = ContinuousClock.now
    await inBatches(durations, limit: limit, gauge: batchGauge, timeline: batchTimeline)
    let batchTime = secondsSince(batchStart)

    let windowGauge = RunningGauge()
    let windowTimeline = cell.timeline("window-timeline", "The same jobs through a sliding window of \(limit) (lane = slot)")
    let windowStart = ContinuousClock.now
    // ANCHOR: window
    await durations.indices.forEachConcurrently(maxConcurrent: limit) { job in
        await runJob(job, milliseconds: durations[job], gauge: windowGauge, timeline: windowTimeline)
    }
    // ANCHOR_END: window
    let windowTime = secondsSince(windowStart)

    print("batches of \(limit):  \(Format.duration(batchTime)) (ideal 6 batches x 60 ms = \(Format.number(batchIdeal, digits: 2)) s), at most \(batchGauge.peak) running")
    print("sliding window:  \(Format.duration(windowTime)) (ideal \(Format.number(work, digits: 2)) s of work / \(limit) = \(Format.number(ideal, digits: 3)) s), at most \(windowGauge.peak) running")
    cell.barChart("window-chart", "24 jobs (six of 60 ms, 18 of 10 ms), at most \(limit) at a time", unit: "s", [
        Bar("batches of \(limit)", batchTime, ideal: batchIdeal),
        Bar("sliding window", windowTime, ideal: ideal),
    ])
    cell.value("window-limit", limit)
    cell.value("batch-time", batchTime, digits: 3, unit: "s")
    cell.value("batch-ideal", batchIdeal, digits: 2, unit: "s")
    cell.value("window-time", windowTime, digits: 3, unit: "s")
    cell.value("window-ideal", ideal, digits: 3, unit: "s")
    cell.value("window-ratio", windowTime / ideal, digits: 2)
    cell.value("window-peak", windowGauge.peak)
    cell.value("batch-peak", batchGauge.peak)
    cell.check(windowGauge.peak <= limit && batchGauge.peak <= limit,
               "never more than \(limit) jobs at once (window \(windowGauge.peak), batches \(batchGauge.peak))")
    cell.check(windowTime >= ideal && batchTime >= batchIdeal, "neither beat its ideal")
    cell.check(windowTime < 0.8 * batchTime,
               "the window (\(seconds: windowTime)) finished well before the batches (\(seconds: batchTime))")
}
