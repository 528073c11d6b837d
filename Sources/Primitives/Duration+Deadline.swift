import Foundation

extension Duration {
    /// The moment this long from now, as the `Date` that `NSCondition.wait(until:)` and
    /// `NSLock.lock(before:)` expect.
    var deadlineFromNow: Date {
        let (seconds, attoseconds) = components
        return Date(timeIntervalSinceNow: TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
