import Foundation

/// OS threads started together and joined together. Foundation's `Thread` has no
/// `join()`; each thread here leaves a `DispatchGroup` when its body returns, and
/// `join` waits on that group.
///
///     let threads = ThreadGroup()
///     for id in 0..<4 { threads.spawn { work(id) } }
///     threads.join()
///
///     ThreadGroup.run(4) { id in work(id) }    // the same, in one line
///
/// Blocking code (locks, blocking queues) needs real threads like these: a pool with
/// one thread per core would deadlock as soon as every pool thread is blocked.
public final class ThreadGroup: Sendable {
    private let group = DispatchGroup()

    public init() {}

    /// Starts a thread running `body`.
    public func spawn(_ body: @escaping @Sendable () -> Void) {
        group.enter()
        let group = self.group
        Thread.detachNewThread {
            body()
            group.leave()
        }
    }

    /// Waits until every thread spawned so far has finished.
    public func join() {
        group.wait()
    }

    /// Waits at most `timeout`; returns whether every thread had finished.
    public func join(timeout: Duration) -> Bool {
        group.wait(wallTimeout: .now() + timeout.timeInterval) == .success
    }

    /// Starts `count` threads running `body(index)`, `index` in `0..<count`, without
    /// waiting for them: join the returned group.
    public static func started(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> ThreadGroup {
        let threads = ThreadGroup()
        for index in 0..<count { threads.spawn { body(index) } }
        return threads
    }

    /// Runs `body(index)` on `count` new threads, `index` in `0..<count`, and joins them.
    public static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        started(count, body).join()
    }
}
