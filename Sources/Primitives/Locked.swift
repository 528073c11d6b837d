import Foundation

/// A value that is only reached through a lock. The book's tools, and the chapters'
/// bookkeeping (counting, collecting timings), keep shared state in one; every change
/// happens inside `withLock`, exactly as with `Synchronization.Mutex`.
///
/// Why `NSLock` and not `Synchronization.Mutex`: both are correct, but on Linux, when
/// threads contend for a `Mutex`, the kernel hands it from one to the next inside the
/// futex call (`FUTEX_LOCK_PI` / `FUTEX_UNLOCK_PI`), where ThreadSanitizer cannot see it,
/// and it reports false races on what the lock protects (chapter 02 shows both the clean
/// uncontended case and the false report). `NSLock` is a `pthread_mutex`, whose waits
/// ThreadSanitizer intercepts, so the stress tests run clean under
/// `swift test --sanitize=thread` and a real race would still be reported.
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
