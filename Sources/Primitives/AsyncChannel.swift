import Foundation

/// A bounded async queue: at most `capacity` buffered elements, and a producer that finds
/// it full is suspended until a consumer makes room (backpressure). Python's
/// `asyncio.Queue(maxsize=capacity)`; `AsyncStream` cannot do this, its buffer either grows
/// without limit or drops elements.
///
///     let channel = AsyncChannel<Int>(capacity: 4)
///     Task { for i in 1...100 { try await channel.send(i) }; channel.close() }
///     for await item in channel { use(item) }
///
/// Closing: after `close()`, `send` throws `AsyncChannel.Closed`; consumers still receive
/// everything already buffered, then `nil` (the `for await` loop ends). Producers waiting
/// in `send` when the channel closes get `Closed`, and their elements are not delivered.
///
/// Cancellation: a producer cancelled while waiting throws `CancellationError` and its
/// element is not delivered; a consumer cancelled while waiting receives `nil`.
///
/// With `capacity == 0` there is no buffer: each `send` waits until a consumer takes its
/// element (a rendezvous).
///
/// Not swift-async-algorithms' `AsyncChannel`: that one has no buffer at all (every `send`
/// is a rendezvous, like `capacity: 0` here), and its `send` never throws: after `finish()`
/// it returns at once.
public final class AsyncChannel<Element: Sendable>: Sendable, AsyncSequence {
    public struct Closed: Error, Equatable {}

    private struct Sender {
        let id: UInt64
        let element: Element
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct Receiver {
        let id: UInt64
        let continuation: CheckedContinuation<Element?, Never>
    }

    private struct State {
        var buffer: [Element] = []
        var senders: [Sender] = []
        var receivers: [Receiver] = []
        var isClosed = false
        var nextID: UInt64 = 0

        mutating func makeID() -> UInt64 {
            nextID += 1
            return nextID
        }
    }

    /// What `send` found under the lock; the continuations are resumed after unlocking.
    private enum SendOutcome { case delivered(Receiver?), closed, cancelled, queued }
    /// What `receive` found under the lock.
    private enum ReceiveOutcome { case element(Element, Sender?), finished, queued }

    public let capacity: Int
    private let state = Locked(State())

    public init(capacity: Int) {
        precondition(capacity >= 0, "capacity cannot be negative")
        self.capacity = capacity
    }

    /// Elements buffered right now (a snapshot); never more than `capacity`.
    public var count: Int { state.withLock { $0.buffer.count } }

    /// Producers suspended in `send` right now (a snapshot).
    public var waitingSenders: Int { state.withLock { $0.senders.count } }

    // ANCHOR: send
    /// Delivers `element`, suspending while the buffer is full.
    /// - Throws: `Closed` if the channel is (or becomes) closed first, `CancellationError`
    ///   if the task is cancelled while waiting. Either way the element was not delivered.
    public func send(_ element: Element) async throws {
        let id = state.withLock { $0.makeID() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> SendOutcome in
                    if state.isClosed { return .closed }
                    if !state.receivers.isEmpty { return .delivered(state.receivers.removeFirst()) }
                    if state.buffer.count < capacity {
                        state.buffer.append(element)
                        return .delivered(nil)
                    }
                    if Task.isCancelled { return .cancelled }
                    state.senders.append(Sender(id: id, element: element, continuation: continuation))
                    return .queued
                }
                switch outcome {
                case .delivered(let receiver):
                    receiver?.continuation.resume(returning: element)
                    continuation.resume()
                case .closed: continuation.resume(throwing: Closed())
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .queued: break
                }
            }
        } onCancel: {
            let removed = state.withLock { state -> Sender? in
                guard let index = state.senders.firstIndex(where: { $0.id == id }) else { return nil }
                return state.senders.remove(at: index)
            }
            removed?.continuation.resume(throwing: CancellationError())
        }
    }

    // ANCHOR_END: send

    // ANCHOR: receive
    /// The next element, suspending while the channel is empty; `nil` once the channel is
    /// closed and drained, or if the task is cancelled while waiting.
    public func receive() async -> Element? {
        let id = state.withLock { $0.makeID() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let outcome = state.withLock { state -> ReceiveOutcome in
                    if !state.buffer.isEmpty {
                        let element = state.buffer.removeFirst()
                        // Room in the buffer: the longest-waiting producer's element moves in.
                        guard !state.senders.isEmpty else { return .element(element, nil) }
                        let sender = state.senders.removeFirst()
                        state.buffer.append(sender.element)
                        return .element(element, sender)
                    }
                    if !state.senders.isEmpty {  // capacity 0: take straight from a producer
                        let sender = state.senders.removeFirst()
                        return .element(sender.element, sender)
                    }
                    if state.isClosed || Task.isCancelled { return .finished }
                    state.receivers.append(Receiver(id: id, continuation: continuation))
                    return .queued
                }
                switch outcome {
                case .element(let element, let sender):
                    sender?.continuation.resume()
                    continuation.resume(returning: element)
                case .finished: continuation.resume(returning: nil)
                case .queued: break
                }
            }
        } onCancel: {
            let removed = state.withLock { state -> Receiver? in
                guard let index = state.receivers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.receivers.remove(at: index)
            }
            removed?.continuation.resume(returning: nil)
        }
    }

    // ANCHOR_END: receive

    /// Closes the channel: no more sends; consumers drain the buffer, then get `nil`.
    /// Closing twice does nothing more.
    public func close() {
        let (senders, receivers) = state.withLock { state in
            state.isClosed = true
            defer { state.senders = []; state.receivers = [] }
            return (state.senders, state.receivers)
        }
        senders.forEach { $0.continuation.resume(throwing: Closed()) }
        receivers.forEach { $0.continuation.resume(returning: nil) }
    }

    // MARK: AsyncSequence

    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: AsyncChannel
        public mutating func next() async -> Element? { await channel.receive() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(channel: self) }
}
