import Foundation
import Notebook
import Primitives

// ANCHOR: exactly-once
func exactlyOnce(_ cell: Cell) {
    let producers = 4, consumers = 4, total = 40_000
    let queue = BlockingQueue<Int>(capacity: 16)
    let received = ReceivedItems<Int>()
    let consumerThreads = ThreadGroup.started(consumers) { _ in
        var mine: [Int] = []                // collect locally, hand over once at the end
        while let item = try? queue.get() { mine.append(item) }
        received.append(contentsOf: mine)
    }
    let start = ContinuousClock.now
    ThreadGroup.run(producers) { producer in
        // Producer p puts p, p + 4, p + 8, ...: together, every number below `total` once.
        for item in stride(from: producer, to: total, by: producers) { try! queue.put(item) }
    }
    queue.close()
    consumerThreads.join()
    let elapsed = (ContinuousClock.now - start).seconds
    let all = received.all
    let duplicates = all.count - Set(all).count
    print("\(producers) producers, \(consumers) consumers, capacity \(queue.capacity!): " +
          "received \(all.count) items, \(duplicates) duplicates, peak backlog \(queue.peakCount)")
    cell.value("exactly-once-total", total)
    cell.value("exactly-once-per-item", elapsed / Double(total) * 1e9, digits: 0, unit: "ns")
    cell.value("exactly-once-peak", queue.peakCount)
    cell.check(all.sorted() == Array(0..<total), "every one of the \(total) items was consumed exactly once")
    cell.check(queue.peakCount <= 16, "the backlog never exceeded the capacity 16 (peak \(queue.peakCount))")
}
// ANCHOR_END: exactly-once

// ANCHOR: timeline
func boundedTimeline(_ cell: Cell) {
    let timeline = cell.timeline("bounded-timeline", "Two producers (5 ms per item) and three consumers (20 ms per item) sharing a queue of capacity 3")
    let queue = BlockingQueue<String>(capacity: 3)
    let perProducer = 6
    let consumers = ThreadGroup()
    for id in 1...3 {
        let lane = "consumer-\(id)"
        consumers.spawn {
            while true {
                let item = timeline.span(lane: lane, label: "wait") { try? queue.get() }
                guard let item else { return }
                timeline.span(lane: lane, label: item) { Thread.sleep(forTimeInterval: 0.02) }
            }
        }
    }
    let producers = ThreadGroup()
    for id in 1...2 {
        let lane = "producer-\(id)"
        producers.spawn {
            for n in 1...perProducer {
                let item = "p\(id).\(n)"
                timeline.span(lane: lane, label: "make \(item)") { Thread.sleep(forTimeInterval: 0.005) }
                timeline.span(lane: lane, label: "put") { try! queue.put(item) }   // long bar: queue full
            }
        }
    }
    producers.join()
    queue.close()
    consumers.join()
    let items = 2 * perProducer
    // 12 items of 20 ms on 3 consumers: at least 4 rounds of 20 ms.
    let ideal = Double(items) / 3 * 0.02
    let elapsed = timeline.seconds()
    cell.value("timeline-elapsed", elapsed, digits: 3, unit: "s")
    cell.value("timeline-ideal", ideal, digits: 3, unit: "s")
    cell.check(queue.peakCount <= 3, "the queue never held more than 3 items (peak \(queue.peakCount))")
    cell.check(elapsed >= ideal, "consumers are the bottleneck: \(elapsed) s ≥ \(ideal) s")
}
// ANCHOR_END: timeline
