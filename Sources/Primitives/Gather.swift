/// Runs `body` for every input at once, waits for every child, and returns each child's
/// outcome, success or error, in the order of the inputs: Python's
/// `asyncio.gather(*aws, return_exceptions=True)`.
///
///     let outcomes = await gatherResults(urls) { url in try await fetch(url) }
///     let failed = outcomes.filter { (try? $0.get()) == nil }
///
/// No child is cancelled because another failed, and no error is lost: each child turns
/// its own error into a `Result` before the group sees it, so the group never throws.
public func gatherResults<Input: Sendable, Output: Sendable>(
    _ inputs: [Input],
    _ body: @escaping @Sendable (Input) async throws -> Output
) async -> [Result<Output, any Error>] {
    await withTaskGroup(of: (Int, Result<Output, any Error>).self) { group in
        for (index, input) in inputs.enumerated() {
            group.addTask {
                do { return (index, .success(try await body(input))) } catch { return (index, .failure(error)) }
            }
        }
        // Children finish in any order; each result goes back to its input's slot.
        var outcomes = [Result<Output, any Error>?](repeating: nil, count: inputs.count)
        for await (index, outcome) in group { outcomes[index] = outcome }
        return outcomes.map { $0! }  // every index was filled: the group ran every child
    }
}

/// Runs `body` for every input at once and returns the outputs in input order; if any
/// child failed, throws an `ErrorGroup` holding *every* child's error (Python 3.11's
/// `asyncio.TaskGroup`, which raises an `ExceptionGroup`).
///
/// Unlike `asyncio.TaskGroup`, a failure does not cancel the siblings: every child runs to
/// its end, so the group reports everything that went wrong, not only what went wrong
/// before the first failure.
public func gatherAll<Input: Sendable, Output: Sendable>(
    _ inputs: [Input],
    _ body: @escaping @Sendable (Input) async throws -> Output
) async throws(ErrorGroup) -> [Output] {
    let outcomes = await gatherResults(inputs, body)
    var outputs: [Output] = []
    var failures: [ErrorGroup.Failure] = []
    for (index, outcome) in outcomes.enumerated() {
        switch outcome {
        case .success(let output): outputs.append(output)
        case .failure(let error): failures.append(ErrorGroup.Failure(index: index, error: error))
        }
    }
    guard failures.isEmpty else { throw ErrorGroup(failures) }
    return outputs
}
