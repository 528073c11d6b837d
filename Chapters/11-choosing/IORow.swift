/// The HTTP client a row of the showdown fetches with. A model's time includes its
/// client's, so every row names it: comparing models is fair only with equal clients.
enum IOClient: Sendable {
    /// Foundation's general-purpose client. On Linux a session drives every transfer
    /// through one libcurl multi handle on one serial queue.
    case urlSession
    /// The book's `EventLoopHTTPClient`: one connection per request, a hand-written
    /// `GET`, read until complete. The equal of Python's asyncio streams.
    case eventLoop
    /// Python's blocking `urllib.request.urlopen`.
    case urllib
    /// Python's `asyncio.open_connection` with a hand-written `GET`.
    case asyncioStreams

    var name: String {
        switch self {
        case .urlSession: "URLSession"
        case .eventLoop: "EventLoopHTTPClient"
        case .urllib: "urllib"
        case .asyncioStreams: "asyncio streams"
        }
    }

    var key: String {
        switch self {
        case .urlSession: "url-session"
        case .eventLoop: "event-loop"
        case .urllib: "urllib"
        case .asyncioStreams: "asyncio"
        }
    }
}

/// One row of the I/O showdown: a language, a model and the client it fetches with.
struct IORow: Hashable, Sendable {
    enum Language: Sendable { case swift, python }

    let language: Language
    let model: IOModel
    let client: IOClient

    static let swiftRows = [
        IORow(language: .swift, model: .sequential, client: .urlSession),
        IORow(language: .swift, model: .threadPool, client: .urlSession),
        IORow(language: .swift, model: .tasksAllAtOnce, client: .urlSession),
        IORow(language: .swift, model: .tasksAllAtOnce, client: .eventLoop),
        IORow(language: .swift, model: .tasksWithSemaphore, client: .urlSession),
        IORow(language: .swift, model: .tasksWithSemaphore, client: .eventLoop),
        IORow(language: .swift, model: .processPool, client: .urlSession),
    ]

    static let pythonRows = [
        IORow(language: .python, model: .sequential, client: .urllib),
        IORow(language: .python, model: .threadPool, client: .urllib),
        IORow(language: .python, model: .tasksAllAtOnce, client: .asyncioStreams),
        IORow(language: .python, model: .tasksWithSemaphore, client: .asyncioStreams),
        IORow(language: .python, model: .processPool, client: .urllib),
    ]

    var modelName: String { language == .swift ? model.swiftName : model.pythonName }

    /// The prefix of this row's value names: `io-tasks-all-event-loop`, `py-io-threads-urllib`.
    var key: String { (language == .swift ? "io-" : "py-io-") + model.key + "-" + client.key }
}

/// What the rounds of one row measured.
struct RowResult: Sendable {
    let runs: [FetchRun]

    private var sorted: [Double] { runs.map(\.seconds).sorted() }
    /// The middle round's time (the mean of the two middle ones for an even count).
    var median: Double {
        let times = sorted
        return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    }
    var fastest: Double { sorted.first! }
    var slowest: Double { sorted.last! }
    /// The largest number of requests the server held at once, in the round of the median.
    var peak: Int { runs.min { abs($0.seconds - median) < abs($1.seconds - median) }!.peakInFlight }
    var everyPageArrived: Bool { runs.allSatisfy { $0.pagesOK == Settings.pages } }
    var pagesOK: [Int] { runs.map(\.pagesOK) }
}
