import Foundation

/// A value behind an `NSLock`: the notebook's own state, touched from any thread.
///
/// Not `Synchronization.Mutex`: on Linux, Mutex waits with raw futex calls that
/// ThreadSanitizer does not see, so it reports races on values a Mutex protects
/// correctly. `NSLock` is a pthread mutex, which the sanitizer understands, so chapters
/// stay clean under `make tsan`.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
