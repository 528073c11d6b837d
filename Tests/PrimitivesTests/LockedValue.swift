import Foundation

/// A value behind an `NSLock`, for collecting results from the tests' threads.
///
/// Not `Synchronization.Mutex`: on Linux, ThreadSanitizer does not see the
/// synchronisation in `Mutex`'s contended path and reports false races, and these
/// tests must run clean under `swift test --sanitize=thread`.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value   // guarded by `lock`

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
