import Foundation

/// A value that threads share, guarded by a lock: read or change it only inside
/// `withLock`.
///
/// `Synchronization.Mutex` does the same job, and the rest of the book uses it. This
/// library uses `NSLock` (a pthread mutex) because it is tested under ThreadSanitizer:
/// on Linux with Swift 6.3, when a `Mutex` is contended, ThreadSanitizer does not see the
/// hand-off and reports races that are not there (a counter guarded by a `Mutex` ends
/// exact and is still reported). A pthread mutex is one ThreadSanitizer understands.
final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
