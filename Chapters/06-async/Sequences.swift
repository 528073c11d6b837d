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
    cell.check(total >= 0.1, "five 20 ms waits take at least 0.10 s (\(seconds: total))")
    cell.check(squaresOfEvens == [4, 16, 36], "async sequences have map, filter and reduce")
}

// ANCHOR: fibonacci
/// An endless async generator (Python's `async def` with `yield`): it produces numbers
/// until the consumer stops listening, then its producer task is cancelled.
func fibonacci(every interval: Duration, onStop: @escaping @Sendable () -> Void) -> AsyncStream<Int> {
    AsyncStream { continuation in
        let producer = Task {
            var (current, next) = (0, 1)
            while true {
                continuation.yield(current)
                let (sum, overflow) = current.addingReportingOverflow(next)
                if overflow { break }  // the 93rd number is the last that fits in an Int
                (current, next) = (next, sum)
                // Cancelled: stop here. (`try? await Task.sleep` would swallow the
                // cancellation and go round again.)
                do { try await Task.sleep(for: interval) } catch { break }
            }
            continuation.finish()
            onStop()
        }
        // Called when the stream ends: it is finished, the consumer's task is cancelled
        // while it waits, or the stream value is released. Not when a `for await` loop
        // merely stops while the stream is still held.
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
    // ANCHOR: held-stream
    let heldStopped = Atomic<Bool>(false)
    let stoppedWhileHeld: Bool
    do {
        let held = fibonacci(every: .milliseconds(2)) { heldStopped.store(true, ordering: .relaxed) }
        for await number in held where number > 10 { break }  // the loop ends; `held` lives on
        try await Task.sleep(for: .milliseconds(50))
        stoppedWhileHeld = withExtendedLifetime(held) { heldStopped.load(ordering: .relaxed) }
    }  // `held` is released here
    print("loop ended, stream still held, 50 ms later: producer stopped = \(stoppedWhileHeld)")
    // ANCHOR_END: held-stream
    let releasedBy = ContinuousClock.now + .seconds(2)
    while !heldStopped.load(ordering: .relaxed) && ContinuousClock.now < releasedBy {
        try await Task.sleep(for: .milliseconds(1))
    }
    let stoppedOnceReleased = heldStopped.load(ordering: .relaxed)
    print("stream released: producer stopped = \(stoppedOnceReleased)")
    cell.check(numbers == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34], "the generator yields Fibonacci numbers in order")
    cell.check(producerStopped, "the producer task was cancelled once the stream was released")
    cell.check(!stoppedWhileHeld, "ending the loop alone did not terminate a stream still held: the producer kept going")
    cell.check(stoppedOnceReleased, "releasing the held stream terminated it and stopped its producer")
}
