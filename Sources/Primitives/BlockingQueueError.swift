/// Why a blocking queue could not hand over or accept an item.
public enum BlockingQueueError: Error, Equatable, Sendable {
    /// The queue was closed: `put` refuses new items, and `get` has nothing left to drain.
    case closed
    /// The timeout passed before an item (for `get`) or a free slot (for `put`) appeared.
    case timedOut
}
