/// What an event loop has done since it started (or since `resetStatistics()`): the
/// numbers that show one thread serving many waits.
public struct EventLoopStatistics: Sendable, Equatable {
    /// Times the loop's thread returned from the kernel's wait (`epoll_wait` / `kevent`).
    public var wakeUps = 0
    /// Descriptors the kernel reported ready (the loop's own wake-up pipe not counted).
    public var readyEvents = 0
    /// The most descriptors reported ready by one wake-up.
    public var maxReadyPerWakeUp = 0
    /// Deadlines that passed: sleeps that ended and waits that timed out.
    public var timersFired = 0
    /// Suspended tasks resumed, for any reason.
    public var resumed = 0

    public init() {}

    /// Ready events per wake-up, on average.
    public var readyPerWakeUp: Double { wakeUps == 0 ? 0 : Double(readyEvents) / Double(wakeUps) }
}
