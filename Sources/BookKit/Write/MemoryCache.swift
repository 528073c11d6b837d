import Foundation

/// One value per name, valid while its key (a fingerprint of what it was made from) is
/// the same: the in-memory layer of the builder's caches. Safe to share between threads.
final class MemoryCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (key: String, value: Value)] = [:]  // guarded by `lock`

    func value(for name: String, key: String) -> Value? {
        lock.withLock { values[name].flatMap { $0.key == key ? $0.value : nil } }
    }

    func keep(_ value: Value, for name: String, key: String) {
        lock.withLock { values[name] = (key, value) }
    }
}
