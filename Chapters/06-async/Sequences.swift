import Notebook
import Synchronization

// ANCHOR: ticker
/// An async range: counts through `numbers`, waiting `interval` before each one.
/// Python's class with `__aiter__` / `__anext__`.
struct Ticker: AsyncSequence {
    let numbers: ClosedRange<Int>
    let interval: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        var next: Int
        let last: Int
        let interval: Duration

        mutating func next() async throws -> Int? {
            guard next <= last else { return nil }  // nil ends the loop
            try await Task.sleep(for: interval)
            defer { next += 1 }
            return next
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(next: numbers.lowerBound, last: numbers.upperBound, interval: interval)
    }
}
// ANCHOR_END: ticker

func asyncRange(_ cell: Cell) async throws {
    // ANCHOR: ticker-use
    let timeline = cell.timeline("ticker", "for try await over a Ticker(1...5, every 20 ms)")
    var seen: [Int] = []
    var last = ContinuousClock.now
    for try await number in Ticker(numbers: 1...5, interval: .milliseconds(20)) {
        timeline.record(lane: "consumer", label: "wait for \(number)", from: last, to: .now)
        print("\(stamp(timeline)) got \(number)")
        seen.append(number)
        last = .now
    }
    let total = timeline.seconds()
    let squaresOfEvens = try await Ticker(numbers: 1...6, interval: .milliseconds(1))
        .filter { $0.isMultiple(of: 2) }
        .map { $0 * $0 }
        .reduce(into: []) { $0.append($1) }
    print("filter + map + reduce on an async sequence: \(squaresOfEvens)")
    // ANCHOR_END: ticker-use
    cell.value("ticker-time", total, digits: 3, unit: "s")
    cell.check(seen == [1, 2, 3, 4, 5], "the numbers arrive in order, once each")
    cell.check(total >= 0.1, "five 20 ms waits take at least 0.10 s (\(total) s)")
    cell.check(squaresOfEvens == [4, 16, 36], "async sequences have map, filter and reduce")
}

// ANCHOR: fibonacci
/// An endless async generator (Python's `async def` with `yield`): it produces numbers
/// until the consumer stops listening, then its producer task is cancelled.
func fibonacci(every interval: Duration, onStop: @escaping @Sendable () -> Void) -> AsyncStream<Int> {
    AsyncStream { continuation in
        let producer = Task {
            var (current, next) = (0, 1)
            while !Task.isCancelled {
                continuation.yield(current)
                (current, next) = (next, current + next)
                try? await Task.sleep(for: interval)
            }
            onStop()
        }
        // Called when the consumer's loop ends or its task is cancelled.
        continuation.onTermination = { _ in producer.cancel() }
    }
}
// ANCHOR_END: fibonacci

func streamGenerator(_ cell: Cell) async throws {
    // ANCHOR: fibonacci-use
    let stopped = Atomic<Bool>(false)
    var numbers: [Int] = []
    do {
        let stream = fibonacci(every: .milliseconds(2)) { stopped.store(true, ordering: .relaxed) }
        for await number in stream.prefix(10) { numbers.append(number) }
    }  // the stream is released here, which terminates it
    print("first ten: \(numbers)")
    let deadline = ContinuousClock.now + .seconds(2)
    while !stopped.load(ordering: .relaxed) && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(1))
    }
    let producerStopped = stopped.load(ordering: .relaxed)
    print("producer stopped after the consumer left: \(producerStopped)")
    // ANCHOR_END: fibonacci-use
    cell.check(numbers == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34], "the generator yields Fibonacci numbers in order")
    cell.check(producerStopped, "the producer task was cancelled when the consumer stopped")
}
