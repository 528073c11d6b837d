import Foundation

/// Runs blocking `work` on a thread of its own and suspends the calling task until it is
/// done. The cooperative task pool has one thread per core: blocking one of them (waiting
/// for a child process, a lock, a blocking read) stalls every other task meant to run on
/// it, so async code that must wait for blocking code hands it to a thread of its own.
///
/// Not cancellable: a cancelled caller still waits for `work` to end. A non-throwing
/// `work` makes the call non-throwing (`Failure` is then `Never`).
public func onOwnThread<T: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> T
) async throws(Failure) -> T {
    let result = await withCheckedContinuation { (done: CheckedContinuation<Result<T, Failure>, Never>) in
        Thread { done.resume(returning: Result { () throws(Failure) -> T in try work() }) }.start()
    }
    return try result.get()
}
