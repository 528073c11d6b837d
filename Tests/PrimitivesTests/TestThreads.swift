import Foundation

/// Real OS threads for the tests: blocking queues need as many threads as there are
/// blocked parties (a thread pool with one thread per core would simply deadlock).
enum TestThreads {
    /// Starts `count` threads running `body(index)`; returns a group that is left when
    /// each finishes, so a test can wait for them with a timeout.
    @discardableResult
    static func start(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> DispatchGroup {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        return group
    }

    /// Runs `body(index)` on `count` threads and waits (at most `timeout`) for all of them.
    /// Returns false if they did not all finish in time.
    static func run(_ count: Int, timeout: TimeInterval = 30, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
        start(count, body).wait(timeout: .now() + timeout) == .success
    }
}
