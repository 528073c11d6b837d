import Foundation
import Notebook
import Primitives

// ANCHOR: naive
func naiveQueue(_ cell: Cell) {
    let queue = UnboundedQueue<String>()
    let consumer = ThreadGroup()
    let received = ReceivedItems<String>()
    consumer.spawn {
        for _ in 0..<3 {
            let item = queue.get()          // blocks until the producer has put something
            print("got \(item)")
            received.append(item)
        }
    }
    for item in ["apple", "banana", "cherry"] {
        Thread.sleep(forTimeInterval: 0.01) // the consumer is already waiting
        print("put \(item)")
        queue.put(item)
    }
    consumer.join()
    cell.check(received.all == ["apple", "banana", "cherry"],
               "one producer, one consumer: items arrive in the order they were put")
}
// ANCHOR_END: naive

// ANCHOR: unbounded-growth
func unboundedGrowth(_ cell: Cell) {
    let queue = UnboundedQueue<Int>()
    let items = 200
    let consumer = ThreadGroup()
    consumer.spawn {
        for _ in 0..<items {
            _ = queue.get()
            usleep(100)                     // 0.1 ms of "work" per item
        }
    }
    let start = ContinuousClock.now
    var backlog = 0
    for item in 0..<items {
        queue.put(item)                     // never waits
        backlog = max(backlog, queue.count)
    }
    let producerTime = ContinuousClock.now - start
    consumer.join()
    print("the producer finished in \(Format.duration(producerTime.seconds)); the backlog reached \(backlog) items")
    cell.value("unbounded-backlog", backlog)
    cell.value("unbounded-items", items)
    cell.value("unbounded-producer-ms", producerTime.seconds * 1000, digits: 2, unit: "ms")
    cell.check(backlog > 10, "with nothing holding it back, the backlog (\(backlog)) outgrew a bound of 10")
}
// ANCHOR_END: unbounded-growth

// ANCHOR: bounded
func boundedBackpressure(_ cell: Cell) {
    let queue = BoundedQueue<Int>(capacity: 10)
    let items = 200
    let consumer = ThreadGroup()
    consumer.spawn {
        for _ in 0..<items {
            _ = queue.get()
            usleep(100)
        }
    }
    let start = ContinuousClock.now
    for item in 0..<items { queue.put(item) }   // waits whenever 10 items are queued
    let producerTime = ContinuousClock.now - start
    consumer.join()
    // Before its last put the consumer must have taken items - capacity of them, with a
    // 0.1 ms sleep between every two gets: a lower bound on the producer's time.
    let slowest = Double(items - queue.capacity - 1) * 0.0001
    print("the producer finished in \(Format.duration(producerTime.seconds)); the backlog peaked at \(queue.peakCount)")
    cell.value("bounded-peak", queue.peakCount)
    cell.value("bounded-capacity", queue.capacity)
    cell.value("bounded-producer-ms", producerTime.seconds * 1000, digits: 1, unit: "ms")
    cell.value("bounded-producer-ideal-ms", slowest * 1000, digits: 1, unit: "ms")
    cell.check(queue.peakCount <= queue.capacity, "the backlog (\(queue.peakCount)) never exceeded the capacity \(queue.capacity)")
    cell.check(producerTime.seconds >= slowest,
               "the producer was held to the consumer's pace: \(producerTime.seconds) s ≥ \(slowest) s")
}
// ANCHOR_END: bounded
