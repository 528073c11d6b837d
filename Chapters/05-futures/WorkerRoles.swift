import Foundation
import Primitives
import Processes

/// Plays worker role `role` for the process pool, then ends the process.
func runWorker(_ role: String) -> Never {
    switch role {
    case "count-primes": WorkerLoop.serve(Primes.count(in:))
    default:
        FileHandle.standardError.write(Data("unknown worker role '\(role)'\n".utf8))
        exit(64)
    }
}
