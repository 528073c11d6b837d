import Foundation

/// What a child process printed, gathered by the threads that read its two pipes.
/// (An `NSLock` rather than a `Mutex`, so that ThreadSanitizer, which cannot see inside a
/// `Mutex` on Linux, checks this code instead of reporting false races.)
final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()        // guarded by `lock`
    private var err = Data()        // guarded by `lock`

    func append(_ chunk: Data, isError: Bool) {
        lock.withLock { isError ? err.append(chunk) : out.append(chunk) }
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}
