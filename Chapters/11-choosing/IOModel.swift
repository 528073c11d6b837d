/// The ways the showdown fetches its pages, each with its Python counterpart.
enum IOModel: CaseIterable, Sendable {
    case sequential
    case threadPool
    case tasksAllAtOnce
    case tasksWithSemaphore
    case processPool

    /// How many pages are in flight at most: the model's concurrency.
    var concurrency: Int {
        switch self {
        case .sequential: 1
        case .threadPool, .tasksWithSemaphore: Settings.threads
        case .tasksAllAtOnce: Settings.pages
        case .processPool: Settings.processes
        }
    }

    var swiftName: String {
        switch self {
        case .sequential: "one by one"
        case .threadPool: "thread pool (\(concurrency))"
        case .tasksAllAtOnce: "async tasks, all at once"
        case .tasksWithSemaphore: "async tasks + AsyncSemaphore(\(concurrency))"
        case .processPool: "process pool (\(concurrency))"
        }
    }

    var pythonName: String {
        switch self {
        case .sequential: "urlopen in a loop"
        case .threadPool: "ThreadPoolExecutor(\(concurrency))"
        case .tasksAllAtOnce: "asyncio.gather"
        case .tasksWithSemaphore: "asyncio + Semaphore(\(concurrency))"
        case .processPool: "multiprocessing.Pool(\(concurrency))"
        }
    }

    /// The model's name for `python/showdown.py`.
    var pythonArgument: String {
        switch self {
        case .sequential: "sequential"
        case .threadPool: "threads"
        case .tasksAllAtOnce: "asyncio-all"
        case .tasksWithSemaphore: "asyncio-semaphore"
        case .processPool: "processes"
        }
    }

    /// A short name for value names: `io-thread-pool-seconds`.
    var key: String {
        switch self {
        case .sequential: "sequential"
        case .threadPool: "thread-pool"
        case .tasksAllAtOnce: "tasks-all"
        case .tasksWithSemaphore: "tasks-semaphore"
        case .processPool: "process-pool"
        }
    }

    /// The physical limit: ceil(pages / concurrency) waves of one delay each.
    var ideal: Double { Settings.idealFetchTime(concurrency: concurrency) }
}

/// One model's measured fetch of every page.
struct FetchRun: Sendable {
    let seconds: Double
    /// Pages answered `200 OK`.
    let pagesOK: Int
    /// The most requests the server was handling at one instant during the run.
    let peakInFlight: Int
}
