/// The ways the showdown counts primes, each with its Python counterpart where one exists.
enum CPUModel: CaseIterable, Sendable {
    case sequential
    case threads
    case processPool
    case taskGroup
    case concurrentPerform

    /// How many workers compute at once.
    var workers: Int {
        switch self {
        case .sequential: 1
        case .threads, .processPool: Settings.cpuWorkers
        // Both run on threads the system sizes to the machine: one per core.
        case .taskGroup, .concurrentPerform: Settings.cores
        }
    }

    var swiftName: String {
        switch self {
        case .sequential: "one by one"
        case .threads: "threads (\(workers))"
        case .processPool: "process pool (\(workers))"
        case .taskGroup: "task group (pool of \(workers))"
        case .concurrentPerform: "concurrentPerform (\(workers))"
        }
    }

    /// The model's name in `python/showdown.py`'s output, or `nil` if Python has none.
    var pythonModel: String? {
        switch self {
        case .sequential: "sequential"
        case .threads: "threads"
        case .processPool: "processes"
        case .taskGroup, .concurrentPerform: nil
        }
    }

    var pythonName: String {
        switch self {
        case .sequential: "a loop"
        case .threads: "ThreadPoolExecutor(\(workers))"
        case .processPool: "multiprocessing.Pool(\(workers))"
        case .taskGroup, .concurrentPerform: "none"
        }
    }

    var key: String {
        switch self {
        case .sequential: "sequential"
        case .threads: "threads"
        case .processPool: "process-pool"
        case .taskGroup: "task-group"
        case .concurrentPerform: "concurrent-perform"
        }
    }

    /// The physical limit of the speedup over one by one.
    var idealSpeedup: Int { Settings.idealSpeedup(workers: workers) }
}
