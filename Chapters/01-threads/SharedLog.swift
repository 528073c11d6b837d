import Primitives

/// A list that many threads may append to at the same time. The cells use it to bring
/// back what their threads saw, so that checks can run on it. (Chapter 02 is about
/// the lock inside.)
final class SharedLog<Entry: Sendable>: Sendable {
    private let entries = Locked<[Entry]>([])

    func append(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    /// Everything appended so far, in the order it arrived.
    var all: [Entry] { entries.withLock { $0 } }
}
