import Foundation

/// The HTTP status of each page, written by whichever thread fetched it.
/// (An `NSLock` rather than a `Mutex`, so that ThreadSanitizer, which cannot see inside a
/// `Mutex` on Linux, checks this code instead of reporting false races.)
final class StatusBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int]     // guarded by `lock`

    init(pages: Int) { statuses = Array(repeating: 0, count: pages) }

    func record(_ status: Int, page: Int) { lock.withLock { statuses[page] = status } }

    /// Pages answered `200 OK`.
    var okCount: Int { lock.withLock { statuses.count { $0 == 200 } } }
}
