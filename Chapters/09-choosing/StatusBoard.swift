import Synchronization

/// The HTTP status of each page, written by whichever thread fetched it.
final class StatusBoard: Sendable {
    private let statuses: Mutex<[Int]>

    init(pages: Int) { statuses = Mutex(Array(repeating: 0, count: pages)) }

    func record(_ status: Int, page: Int) { statuses.withLock { $0[page] = status } }

    /// Pages answered `200 OK`.
    var okCount: Int { statuses.withLock { $0.count { $0 == 200 } } }
}
