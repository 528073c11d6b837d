import Notebook
import Primitives

/// Counts produced and consumed items, and the largest gap between them: the backlog.
final class BacklogMeter: Sendable {
    private let counts = Locked((produced: 0, consumed: 0, worst: 0))

    func produced() {
        counts.withLock { $0.produced += 1; $0.worst = max($0.worst, $0.produced - $0.consumed) }
    }
    func consumed() { counts.withLock { $0.consumed += 1 } }
    var worstBacklog: Int { counts.withLock { $0.worst } }
    var consumedCount: Int { counts.withLock { $0.consumed } }
}

func streamNoBackpressure(_ cell: Cell) async throws {
    // ANCHOR: stream-queue
    let items = 100
    let meter = BacklogMeter()
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)  // unbounded buffer
    let start = ContinuousClock.now
    let producer = Task {
        for item in 1...items {
            continuation.yield(item)  // never waits: yield is not even async
            meter.produced()
            await Task.yield()
        }
        continuation.finish()
        return secondsSince(start)
    }
    var received: [Int] = []
    for await item in stream {  // a slow consumer: 2 ms per item
        meter.consumed()
        received.append(item)
        try await Task.sleep(for: .milliseconds(2))
    }
    let producerTime = await producer.value
    let consumerTime = secondsSince(start)
    print("producer done after \(Format.duration(producerTime)), consumer after \(Format.duration(consumerTime))")
    print("largest backlog waiting in the stream's buffer: \(meter.worstBacklog) of \(items) items")
    // ANCHOR_END: stream-queue

    // ANCHOR: stream-dropping
    let (newest, newestContinuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(4))
    var dropped = 0
    for item in 1...items {
        if case .dropped = newestContinuation.yield(item) { dropped += 1 }
    }
    newestContinuation.finish()
    var kept: [Int] = []
    for await item in newest { kept.append(item) }
    print("bufferingNewest(4), \(items) items yielded before anyone read: kept \(kept), dropped \(dropped)")
    // ANCHOR_END: stream-dropping

    cell.value("stream-producer-time", producerTime, digits: 3, unit: "s")
    cell.value("stream-consumer-time", consumerTime, digits: 3, unit: "s")
    cell.value("stream-backlog", meter.worstBacklog)
    cell.value("stream-items", items)
    cell.value("stream-dropped", dropped)
    cell.check(received == Array(1...items), "every item arrived once, in order")
    cell.check(meter.worstBacklog > items / 2,
               "the buffer grew past half the items (\(meter.worstBacklog)): nothing slowed the producer")
    cell.check(kept == Array((items - 3)...items) && dropped == items - 4,
               "bufferingNewest(4) kept the last 4 and dropped \(dropped)")
}

func boundedChannel(_ cell: Cell) async throws {
    // ANCHOR: channel-queue
    let items = 100, capacity = 4
    let meter = BacklogMeter()
    let channel = AsyncChannel<Int>(capacity: capacity)
    let start = ContinuousClock.now
    let producer = Task {
        for item in 1...items {
            try await channel.send(item)  // suspends while the channel is full
            meter.produced()
        }
        channel.close()
        return (seconds: secondsSince(start), consumedByThen: meter.consumedCount)
    }
    var received: [Int] = []
    var largestBuffer = 0
    for await item in channel {
        meter.consumed()
        received.append(item)
        largestBuffer = max(largestBuffer, channel.count)
        try await Task.sleep(for: .milliseconds(2))
    }
    let producerEnd = try await producer.value
    let consumerTime = secondsSince(start)
    print("producer done after \(Format.duration(producerEnd.seconds)), consumer after \(Format.duration(consumerTime))")
    print("largest number of items in the channel: \(largestBuffer) (capacity \(capacity))")
    print("items consumed when the producer finished: \(producerEnd.consumedByThen) of \(items)")
    // ANCHOR_END: channel-queue
    cell.value("channel-producer-time", producerEnd.seconds, digits: 3, unit: "s")
    cell.value("channel-consumer-time", consumerTime, digits: 3, unit: "s")
    cell.value("channel-largest", largestBuffer)
    cell.value("channel-capacity", capacity)
    cell.value("channel-consumed-at-end", producerEnd.consumedByThen)
    cell.check(received == Array(1...items), "every item arrived once, in order")
    cell.check(largestBuffer <= capacity, "the channel never held more than \(capacity) items")
    cell.check(producerEnd.consumedByThen >= items - capacity - 1,
               "the producer could finish only after the consumer took \(producerEnd.consumedByThen) >= \(items - capacity - 1) items")
}
