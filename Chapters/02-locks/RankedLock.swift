import Foundation

// ANCHOR: ranked-lock
/// An `NSLock` with a rank. Code that needs several locks takes them in rank order,
/// lowest first, whatever order it names them in: then no two threads can each hold a
/// lock the other is waiting for, so they can never deadlock.
final class RankedLock: Sendable {
    let rank: Int
    let lock = NSLock()

    init(rank: Int) { self.rank = rank }

    /// Locks both in rank order, runs `body`, unlocks. Gives up (returns nil) if a lock
    /// is not free by `deadline`, so that a mistake shows as an error, not a hang.
    static func withBoth<T>(_ first: RankedLock, _ second: RankedLock, deadline: Date,
                            _ body: () -> T) -> T? {
        let (low, high) = first.rank < second.rank ? (first, second) : (second, first)
        guard low.lock.lock(before: deadline) else { return nil }
        defer { low.lock.unlock() }
        guard high.lock.lock(before: deadline) else { return nil }
        defer { high.lock.unlock() }
        return body()
    }
}
// ANCHOR_END: ranked-lock
