/// The error `withTimeout` throws when the time limit passes first: Python's
/// `asyncio.TimeoutError` from `asyncio.wait_for`.
public struct OperationTimedOut: Error, Equatable, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "the operation did not finish within \(limit)" }
}

/// Runs `operation` with a time limit: its result if it finishes in time, otherwise the
/// operation is cancelled and `OperationTimedOut` is thrown. Python's
/// `asyncio.wait_for(operation, timeout)`.
///
///     let page = try await withTimeout(.milliseconds(200)) { try await client.getAbandoningOnCancel("/slow/1") }
///
/// The operation and a sleeping timer race as two child tasks; whichever ends first wins
/// and the other is cancelled. Because it is structured, `withTimeout` returns only after
/// the operation has actually stopped: the operation must respond to cancellation
/// (`Task.sleep`, `AsyncSemaphore.wait` and `Task.checkCancellation()` do; a blocking call
/// does not, and then the timeout is late by as much as it blocks). A `URLSession` request
/// responds too, but on Linux, with Swift 6.3.1, cancelling one can hang
/// (swift-corelibs-foundation issue #5412): time requests out through
/// `LoopbackClient.getAbandoningOnCancel`, which stops waiting instead.
///
/// The timer is a child task like the operation: when its sleep ends it needs a pool
/// thread to run. While the operation computes without suspending, the timer fires on time
/// only if another pool thread is free; with every other one busy, the operation's result
/// reaches the group first and is returned (chapter 06 shows both).
// ANCHOR: with-timeout
public func withTimeout<T: Sendable>(_ limit: Duration,
                                     operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw OperationTimedOut(limit: limit)
        }
        defer { group.cancelAll() }
        // The first child to finish decides; `next()` cannot return nil with two children.
        return try await group.next()!
    }
}
// ANCHOR_END: with-timeout
