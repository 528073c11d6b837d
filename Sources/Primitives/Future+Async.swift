// ANCHOR: bridge
extension Future {
    /// The future's value, awaited instead of blocked for: the awaiting task is
    /// suspended and its thread is free for other tasks until the future completes.
    ///
    ///     let future = try pool.submit { slowWork() }
    ///     let value = try await future.value
    ///
    /// A continuation must be resumed exactly once. `onCompletion` runs its callback
    /// exactly once, whether the future is done already or not, which is what makes this
    /// bridge correct. Cancelling the awaiting task does not cancel the future: the task
    /// still waits for the outcome.
    public var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                onCompletion { result in continuation.resume(with: result) }
            }
        }
    }
}
// ANCHOR_END: bridge
