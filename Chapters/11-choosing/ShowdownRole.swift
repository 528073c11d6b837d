import Foundation
import Primitives
import Processes

/// The roles this program plays when a process pool starts it as a worker.
enum ShowdownRole {
    /// Fetches one page per job: the job is the page's URL, the reply its HTTP status.
    static let pageFetcher = "page-fetcher"
    /// Counts the primes of one chunk per job.
    static let primeCounter = "prime-counter"

    struct BadURL: Error { let text: String }

    /// Serves jobs forever if this process is a worker; returns at once in the parent.
    static func serveIfWorker() {
        switch WorkerRole.current() {
        case pageFetcher?:
            let fetcher = PageFetcher(maximumConnections: 1)
            WorkerLoop.serve { (url: String) throws -> Int in
                guard let parsed = URL(string: url) else { throw BadURL(text: url) }
                return try fetcher.get(parsed)
            }
        case primeCounter?:
            WorkerLoop.serve(Primes.count(in:))
        default:
            return
        }
    }
}
