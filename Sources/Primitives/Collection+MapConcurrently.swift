extension Collection where Element: Sendable {
    // ANCHOR: map-concurrently
    /// Transforms every element in a child task, with at most `maxConcurrent` children
    /// running at any moment, and returns the results in the collection's order.
    ///
    ///     let pages = try await urls.mapConcurrently(maxConcurrent: 4) { try await fetch($0) }
    ///
    /// A sliding window: it starts `maxConcurrent` children, then one more each time one
    /// finishes, so the limit holds without a semaphore and no child waits for a slow
    /// neighbour. The first error stops new children, cancels the running ones, and is
    /// thrown once they have ended (a non-throwing `transform` makes the call non-throwing).
    public func mapConcurrently<Output: Sendable, Failure: Error>(
        maxConcurrent: Int,
        _ transform: @escaping @Sendable (Element) async throws(Failure) -> Output
    ) async throws(Failure) -> [Output] {
        precondition(maxConcurrent > 0, "at least one child must be allowed to run")
        let (outputs, failure) = await withTaskGroup(of: (Int, Result<Output, Failure>).self) { group in
            var outputs = [Output?](repeating: nil, count: count)
            var firstFailure: Failure?
            var pending = enumerated().makeIterator()

            /// Starts the child for the next element; false when there is none left.
            func startNext() -> Bool {
                guard let (index, element) = pending.next() else { return false }
                group.addTask {
                    do throws(Failure) { return (index, .success(try await transform(element))) }
                    catch { return (index, .failure(error)) }
                }
                return true
            }

            var started = 0
            while started < maxConcurrent && startNext() { started += 1 }
            // Each finished child makes room for exactly one new one.
            while let (index, result) = await group.next() {
                switch result {
                case .success(let output):
                    outputs[index] = output
                    if firstFailure == nil { _ = startNext() }
                case .failure(let error):
                    if firstFailure == nil {
                        firstFailure = error
                        group.cancelAll()
                    }
                }
            }
            return (outputs, firstFailure)
        }
        if let failure { throw failure }
        return outputs.map { $0! }  // with no failure, every child ran and filled its slot
    }
    // ANCHOR_END: map-concurrently

    /// Runs `body` for every element in a child task, at most `maxConcurrent` at a time;
    /// the first error cancels the running children and is thrown once they have ended.
    public func forEachConcurrently<Failure: Error>(
        maxConcurrent: Int,
        _ body: @escaping @Sendable (Element) async throws(Failure) -> Void
    ) async throws(Failure) {
        _ = try await mapConcurrently(maxConcurrent: maxConcurrent, body)
    }
}
