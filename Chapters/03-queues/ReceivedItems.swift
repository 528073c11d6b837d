import Foundation

/// Items collected by consumer threads, for checking afterwards what arrived.
///
/// Guarded by an `NSLock` rather than a `Mutex`: on Linux, ThreadSanitizer cannot see the
/// synchronisation inside a contended `Mutex` and would report false races here.
final class ReceivedItems<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []   // guarded by `lock`

    func append(_ item: Element) { locked { items.append(item) } }
    func append(contentsOf more: [Element]) { locked { items.append(contentsOf: more) } }
    var all: [Element] { locked { items } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
