import Foundation

/// A value that is only reached through a lock. The book's tools, and the chapters'
/// bookkeeping (counting, collecting timings), keep shared state in one; every change
/// happens inside `withLock`, exactly as with `Synchronization.Mutex`.
///
/// Why `NSLock` and not `Synchronization.Mutex`: both are correct, but ThreadSanitizer on
/// Linux cannot see `Mutex`'s synchronization (the Synchronization module is not
/// instrumented) and reports races on every access it protects. `NSLock` is a
/// `pthread_mutex`, which ThreadSanitizer understands, so the stress tests run clean
/// under `swift test --sanitize=thread` and a real race would still be reported.
public final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    public init(_ state: State) {
        self.state = state
    }

    public func withLock<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
