import Foundation
import Notebook
import Primitives

// ANCHOR: five-workers
func fiveWorkers(_ cell: Cell) {
    let nap = 0.05  // seconds each worker sleeps

    // One after another, on the main thread.
    let sequentialStart = ContinuousClock.now
    for _ in 1...5 { Thread.sleep(forTimeInterval: nap) }
    let sequential = (ContinuousClock.now - sequentialStart).seconds

    // Five threads at once.
    let timeline = cell.timeline("five-workers", "Five threads, each sleeping 50 ms")
    let concurrentStart = ContinuousClock.now
    let workers = (1...5).map { i in
        JoinableThread(name: "worker-\(i)") {
            timeline.span(lane: "worker-\(i)", label: "sleep 50 ms") {
                Thread.sleep(forTimeInterval: nap)
            }
        }
    }
    for worker in workers { worker.join() }
    let concurrent = (ContinuousClock.now - concurrentStart).seconds
    // ANCHOR_END: five-workers

    print("one by one:  ideal \(Format.duration(5 * nap)), measured \(Format.duration(sequential))")
    print("five threads: ideal \(Format.duration(nap)), measured \(Format.duration(concurrent))")
    cell.value("five-nap", nap * 1000, digits: 0, unit: "ms")
    cell.value("five-sequential-ideal", 5 * nap * 1000, digits: 0, unit: "ms")
    cell.value("five-sequential", sequential * 1000, digits: 0, unit: "ms")
    cell.value("five-ideal", nap * 1000, digits: 0, unit: "ms")
    cell.value("five-concurrent", concurrent * 1000, digits: 0, unit: "ms")
    cell.value("five-ratio", concurrent / nap, digits: 2, unit: "×")
    cell.value("five-speedup", sequential / concurrent, digits: 1, unit: "×")
    cell.check(concurrent < 0.5 * sequential,
               "five threads \(Format.duration(concurrent)) < 0.5 × one by one \(Format.duration(sequential))")
}
