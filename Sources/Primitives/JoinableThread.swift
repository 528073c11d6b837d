import Dispatch
import Foundation

// ANCHOR: joinable-thread
/// A thread you can wait for: Foundation's `Thread` plus the `join()` it lacks.
///
///     let worker = JoinableThread(name: "worker-1") { countPrimes(below: 100_000) }
///     let primes = worker.join()      // waits, then hands back the closure's result
///
/// The thread starts as soon as the value is created (like Rust's `thread::spawn`),
/// so a `JoinableThread` can never be joined before it was started.
///
/// Completion is signalled through a `DispatchGroup`, not a semaphore: a semaphore's
/// signal wakes one waiter and is used up, a group that has reached zero stays open,
/// so any number of threads may `join()` the same thread, any number of times.
public final class JoinableThread<Result: Sendable>: Sendable {
    /// The name the thread gave itself when it started: the one passed to `init`, cut to
    /// `maximumNameBytes` where the system limits names (see `applicableName`).
    public let name: String
    /// Entered before the thread starts; left when the closure has returned.
    private let finished = DispatchGroup()
    /// The closure's return value, written once by the thread before it leaves the group.
    private let result = Locked<Result?>(nil)

    /// Starts a thread named `name` that runs `body`.
    /// - Parameter stackSize: the stack to reserve, in bytes; `nil` keeps the system default.
    public init(name: String, stackSize: Int? = nil,
                _ body: @escaping @Sendable () -> Result) {
        let name = Self.applicableName(name)
        self.name = name
        finished.enter()
        // On Linux, `Thread.name`'s setter does nothing until `start()` has stored the
        // new thread's handle, which happens only after the thread exists. So the name
        // can be given neither before `start()` nor blindly as the thread's first act:
        // the thread waits for `started`, signalled once `start()` has returned.
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            started.wait()
            Thread.current.name = name
            let value = body()
            result.withLock { $0 = value }
            finished.leave()
        }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
        started.signal()
    }

    /// Waits until the thread's closure has returned, and returns its result.
    @discardableResult
    public func join() -> Result {
        finished.wait()
        return result.withLock { $0! }
    }

    /// Waits at most `timeout`. Returns the result if the thread finished in time,
    /// `nil` if it is still running (and it keeps running: this only stops the wait).
    @discardableResult
    public func join(timeout: Duration) -> Result? {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(attoseconds / 1_000_000_000)
        let deadline = DispatchTime.now() + .seconds(Int(seconds)) + .nanoseconds(nanoseconds)
        guard finished.wait(timeout: deadline) == .success else { return nil }
        return result.withLock { $0! }
    }

    /// True once the closure has returned: then `join()` returns at once.
    public var isFinished: Bool { finished.wait(timeout: .now()) == .success }

    /// True until the closure has returned. It is not "certainly running": it is already
    /// true before the new thread has been scheduled for the first time.
    public var isExecuting: Bool { !isFinished }

    /// The most bytes of UTF-8 a thread's name may have, where the system has a limit.
    /// Linux keeps 16 bytes including the C string's terminator, and silently ignores a
    /// longer name (the thread keeps its old one); `nil` elsewhere.
    public static var maximumNameBytes: Int? {
        #if os(Linux)
        15
        #else
        nil
        #endif
    }

    /// `name` as a thread can carry it: unchanged if it fits `maximumNameBytes`, else cut
    /// to the longest prefix of whole characters that fits. A name that would be dropped
    /// without a word is shortened deliberately instead, and `JoinableThread.name` says
    /// which name the thread really has.
    public static func applicableName(_ name: String) -> String {
        guard let limit = maximumNameBytes, name.utf8.count > limit else { return name }
        var fitting = ""
        for character in name {
            guard fitting.utf8.count + character.utf8.count <= limit else { break }
            fitting.append(character)
        }
        return fitting
    }
}
// ANCHOR_END: joinable-thread
