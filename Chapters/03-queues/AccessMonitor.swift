import Foundation

/// Counts readers and writers inside a critical region and records any moment the
/// readers-writer rule was broken (a writer with anyone else inside).
/// Guarded by an `NSLock`, which ThreadSanitizer understands (it cannot see inside a
/// contended `Mutex` on Linux).
final class AccessMonitor: @unchecked Sendable {
    private struct State {
        var readers = 0
        var writers = 0
        var mostReaders = 0
        var violations = 0
    }
    private let lock = NSLock()
    private var state = State()   // guarded by `lock`

    private func withState<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    func enter(writing: Bool) {
        withState { state in
            if writing { state.writers += 1 } else { state.readers += 1 }
            if state.writers > 1 || (state.writers == 1 && state.readers > 0) { state.violations += 1 }
            state.mostReaders = max(state.mostReaders, state.readers)
        }
    }

    func leave(writing: Bool) {
        withState { state in
            if writing { state.writers -= 1 } else { state.readers -= 1 }
        }
    }

    /// Times a writer shared the region with anyone.
    var violations: Int { withState { $0.violations } }
    /// The most readers seen inside at once.
    var mostReaders: Int { withState { $0.mostReaders } }
}
