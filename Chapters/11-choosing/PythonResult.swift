/// One line printed by `python/showdown.py`.
struct PythonResult: Decodable, Sendable {
    let workload: String
    let model: String
    let seconds: Double
    /// Pages answered `200 OK` (I/O runs).
    let ok: Int?
    /// Primes counted (CPU runs).
    let primes: Int?
    /// CPU time over wall time: the cores the Python process kept busy on average
    /// (CPU runs in the process itself; `nil` for the process pool).
    let busy_cores: Double?
    /// The interpreter's version, e.g. `3.11.7`.
    let python: String
    /// Whether the interpreter had its global interpreter lock.
    let gil: Bool
}
