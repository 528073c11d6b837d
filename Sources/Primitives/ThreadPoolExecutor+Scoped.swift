// ANCHOR: scoped
/// Runs `body` with a new pool of `workers` threads and shuts the pool down when `body`
/// ends, however it ends: by returning or by throwing. The jobs submitted in `body` all
/// finish before this returns (Python's `with ThreadPoolExecutor(...) as pool:`).
///
///     let total = try withThreadPool(workers: 4) { pool in
///         try pool.map(1...100) { $0 * $0 }.reduce(0, +)
///     }
public func withThreadPool<T, E: Error>(
    workers: Int, name: String = "pool",
    _ body: (ThreadPoolExecutor) throws(E) -> T
) throws(E) -> T {
    let pool = ThreadPoolExecutor(workers: workers, name: name)
    defer { pool.shutdown(wait: true) }
    return try body(pool)
}
// ANCHOR_END: scoped
