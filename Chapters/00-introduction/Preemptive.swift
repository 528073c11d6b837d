import Foundation
import Notebook

// ANCHOR: preemptive
func preemptive(_ cell: Cell) {
    let slice = ArithmeticJob.lasting(ArithmeticJob.sliceSeconds)
    let fourSlices = { for _ in 1...4 { blackHole(slice.run()) } }

    // One job alone, for comparison.
    let aloneStart = ContinuousClock.now
    fourSlices()
    let alone = (ContinuousClock.now - aloneStart).seconds

    // Two threads, each running the four slices back to back, never pausing on purpose.
    let timeline = cell.timeline("preemptive", "Two threads, four slices of arithmetic each, no pauses")
    let finished = DispatchGroup()
    let start = ContinuousClock.now
    for name in ["A", "B"] {
        finished.enter()
        Thread {
            for number in 1...4 {
                timeline.span(lane: "thread \(name)", label: "slice \(number)") { blackHole(slice.run()) }
            }
            finished.leave()
        }.start()
    }
    finished.wait()
    let together = (ContinuousClock.now - start).seconds
    print("one job alone:            \(Format.duration(alone))")
    print("two jobs on two threads:  \(Format.duration(together))")
    // ANCHOR_END: preemptive

    let ratio = together / alone
    cell.value("preemptive-alone", alone * 1000, digits: 0, unit: "ms")
    cell.value("preemptive-together", together * 1000, digits: 0, unit: "ms")
    cell.value("preemptive-ratio", ratio)
    // On one core the two jobs must share it (about 2x one job); with two or more they
    // can run at the same instant (about 1x).
    cell.value("preemptive-ideal", cores > 1 ? 1 : 2)
}
