import Foundation

// ANCHOR: own-thread
/// Runs blocking `work` on a thread of its own and suspends the calling task until it
/// is done. The cooperative pool has one thread per core; blocking one of them (with a
/// semaphore, a sleep, a blocking read) would stall every other task, so blocking code
/// that async code must wait for goes on a thread of its own.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
// ANCHOR_END: own-thread
