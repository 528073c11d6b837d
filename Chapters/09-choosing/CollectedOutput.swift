import Foundation
import Synchronization

/// What a child process printed, gathered by the threads that read its two pipes.
final class CollectedOutput: Sendable {
    private let data = Mutex((stdout: Data(), stderr: Data()))

    func append(_ chunk: Data, isError: Bool) {
        data.withLock { isError ? $0.stderr.append(chunk) : $0.stdout.append(chunk) }
    }

    var stdout: String { data.withLock { String(decoding: $0.stdout, as: UTF8.self) } }
    var stderr: String { data.withLock { String(decoding: $0.stderr, as: UTF8.self) } }
}
