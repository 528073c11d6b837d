import Foundation
import Notebook

/// A counter that is not thread-safe by itself; the semaphore below makes it so.
final class UnprotectedCounter: @unchecked Sendable {
    var value = 0
}

// ANCHOR: mutex
func semaphoreAsMutex(_ cell: Cell) {
    let key = DispatchSemaphore(value: 1)  // one key: a mutex
    let counter = UnprotectedCounter()
    let threads = 4, increments = 10_000
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        for _ in 0..<increments {
            key.wait()  // take the key (blocks while another thread has it)
            counter.value += 1
            key.signal()  // give it back
        }
    }
    print("\(threads) threads x \(Format.count(increments)) increments = \(Format.count(counter.value))")
// ANCHOR_END: mutex
    cell.value("mutex-total", counter.value)
    cell.check(counter.value == threads * increments, "no lost update: \(counter.value) == \(threads * increments)")
}

// ANCHOR: three-keys
func threeKeys(_ cell: Cell) {
    let keys = DispatchSemaphore(value: 3)
    let room = Occupancy()
    let timeline = cell.timeline("three-keys", "10 threads, 3 keys: never more than 3 bars at once")
    let everyone = DispatchGroup()
    let start = ContinuousClock.now
    for visitor in 1...10 {
        everyone.enter()
        Thread {
            keys.wait()
            let entered = ContinuousClock.now
            let inside = room.enter()
            print("visitor \(visitor) enters (\(inside) inside)")
            Thread.sleep(forTimeInterval: 0.05)
            room.leave(stayedFrom: entered)
            timeline.record(lane: "visitor \(visitor)", label: "inside", from: entered, to: .now)
            keys.signal()
            everyone.leave()
        }.start()
    }
    everyone.wait()
    let elapsed = secondsSince(start)
// ANCHOR_END: three-keys
    print("all 10 visits took \(Format.duration(elapsed)) (ideal ceil(10 / 3) x 50 ms = 0.20 s)")
    cell.value("three-keys-peak", room.peak)
    cell.value("three-keys-overlap", room.mostOverlapping)
    cell.value("three-keys-time", elapsed, digits: 3, unit: "s")
    cell.check(room.peak <= 3, "never more than 3 inside at once (peak \(room.peak))")
    cell.check(room.mostOverlapping <= 3, "the timeline never has more than 3 stays at one instant (\(room.mostOverlapping))")
    cell.check(elapsed >= 0.2, "10 visits of 50 ms through 3 keys need at least 4 rounds: \(seconds: elapsed) >= 0.20 s")
}
