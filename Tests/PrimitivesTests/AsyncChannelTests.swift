import Synchronization
import Testing
@testable import Primitives

struct AsyncChannelTests {
    private func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "condition never became true")
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    @Test func producersWaitAtCapacity() async throws {
        let channel = AsyncChannel<Int>(capacity: 3)
        let sent = OccupancyGauge()
        let producer = Task {
            for item in 1...10 {
                try await channel.send(item)
                sent.enter()
            }
            channel.close()
        }
        try await eventually { channel.waitingSenders == 1 }
        try await Task.sleep(for: .milliseconds(20))
        #expect(sent.total == 3, "the producer is held at capacity")
        #expect(channel.count == 3)
        var received: [Int] = []
        for await item in channel {
            #expect(channel.count <= 3)
            received.append(item)
        }
        try await producer.value
        #expect(received == Array(1...10))
    }

    @Test func closeDeliversTheBufferThenEnds() async throws {
        let channel = AsyncChannel<String>(capacity: 4)
        try await channel.send("a")
        try await channel.send("b")
        channel.close()
        channel.close()
        await #expect(throws: AsyncChannel<String>.Closed.self) { try await channel.send("c") }
        #expect(await channel.receive() == "a")
        #expect(await channel.receive() == "b")
        #expect(await channel.receive() == nil)
        #expect(await channel.receive() == nil)
    }

    @Test func closeWakesWaitingProducersAndConsumers() async throws {
        let full = AsyncChannel<Int>(capacity: 1)
        try await full.send(1)
        let blockedSender = Task { try await full.send(2) }
        try await eventually { full.waitingSenders == 1 }
        full.close()
        await #expect(throws: AsyncChannel<Int>.Closed.self) { try await blockedSender.value }
        #expect(await full.receive() == 1)
        #expect(await full.receive() == nil)

        let empty = AsyncChannel<Int>(capacity: 1)
        let blockedReceiver = Task { await empty.receive() }
        try await Task.sleep(for: .milliseconds(20))
        empty.close()
        #expect(await blockedReceiver.value == nil)
    }

    @Test func aCancelledProducerDeliversNothing() async throws {
        let channel = AsyncChannel<Int>(capacity: 1)
        try await channel.send(1)
        let producer = Task { try await channel.send(2) }
        try await eventually { channel.waitingSenders == 1 }
        producer.cancel()
        await #expect(throws: CancellationError.self) { try await producer.value }
        #expect(channel.waitingSenders == 0)
        channel.close()
        var received: [Int] = []
        for await item in channel { received.append(item) }
        #expect(received == [1])
    }

    @Test func aCancelledConsumerReceivesNil() async throws {
        let channel = AsyncChannel<Int>(capacity: 1)
        let consumer = Task { await channel.receive() }
        try await Task.sleep(for: .milliseconds(20))
        consumer.cancel()
        #expect(await consumer.value == nil)
        try await channel.send(5)  // the cancelled consumer did not take it
        #expect(await channel.receive() == 5)
    }

    @Test func capacityZeroIsARendezvous() async throws {
        let channel = AsyncChannel<Int>(capacity: 0)
        let delivered = OccupancyGauge()
        let producer = Task {
            try await channel.send(42)
            delivered.enter()
        }
        try await eventually { channel.waitingSenders == 1 }
        #expect(delivered.total == 0)
        #expect(await channel.receive() == 42)
        try await producer.value
        #expect(delivered.total == 1)
    }

    @Test(arguments: [0, 1, 16])
    func manyProducersAndConsumersLoseAndDuplicateNothing(capacity: Int) async throws {
        let channel = AsyncChannel<Int>(capacity: capacity)
        let producers = 8, consumers = 8, perProducer = 1_000
        let received = try await withThrowingTaskGroup(of: [Int].self) { group in
            for consumer in 0..<consumers {
                _ = consumer
                group.addTask {
                    var mine: [Int] = []
                    for await item in channel { mine.append(item) }
                    return mine
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { producing in
                for producer in 0..<producers {
                    producing.addTask {
                        for index in 0..<perProducer { try await channel.send(producer * perProducer + index) }
                    }
                }
                try await producing.waitForAll()
            }
            channel.close()
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(received.count == producers * perProducer)
        #expect(received.sorted() == Array(0..<(producers * perProducer)))
    }
}
