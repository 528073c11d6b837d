import Synchronization

/// Counts readers and writers inside a critical region and records any moment the
/// readers-writer rule was broken (a writer with anyone else inside).
final class AccessMonitor: Sendable {
    private struct State {
        var readers = 0
        var writers = 0
        var mostReaders = 0
        var violations = 0
    }
    private let state = Mutex(State())

    func enter(writing: Bool) {
        state.withLock { state in
            if writing { state.writers += 1 } else { state.readers += 1 }
            if state.writers > 1 || (state.writers == 1 && state.readers > 0) { state.violations += 1 }
            state.mostReaders = max(state.mostReaders, state.readers)
        }
    }

    func leave(writing: Bool) {
        state.withLock { state in
            if writing { state.writers -= 1 } else { state.readers -= 1 }
        }
    }

    /// Times a writer shared the region with anyone.
    var violations: Int { state.withLock { $0.violations } }
    /// The most readers seen inside at once.
    var mostReaders: Int { state.withLock { $0.mostReaders } }
}
