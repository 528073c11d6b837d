import Foundation

extension Duration {
    /// This duration in seconds, as a Foundation `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The moment this long from now, as the `Date` that `NSCondition.wait(until:)` and
    /// `NSLock.lock(before:)` expect.
    var deadlineFromNow: Date { Date(timeIntervalSinceNow: timeInterval) }
}
