import Notebook
import Synchronization

/// Reference solutions to the exercises. Each passes exactly the checks its starter
/// fails: `make solution-09-K` runs exercise K's checks against it.
enum Solutions {
    // ANCHOR: solution-1
    /// Exercise 1: `nonisolated(nonsending)` keeps the function on its caller's actor.
    nonisolated(nonsending) static func tidy(_ title: String) async -> (title: String, ranIn: String) {
        (title.trimmingCharacters(in: .whitespaces).capitalized, domainName())
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// Exercise 2: `@concurrent` always runs on the global pool.
    @concurrent static func digest(_ text: String) async -> (value: Int, ranIn: String) {
        (text.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, domainName())
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// Exercise 3: the caller's actor, compared with the vault by identity.
    static func isRunning(on vault: Vault, _ isolation: isolated (any Actor)? = #isolation) -> Bool {
        isolation === vault
    }
    // ANCHOR_END: solution-3

    // ANCHOR: solution-4
    /// Exercise 4: every access to the array goes through the Mutex.
    final class VisitLog: VisitRecording {
        private let visits = Mutex<[String]>([])

        init() {}

        func add(_ page: String) {
            visits.withLock { $0.append(page) }
        }

        var all: [String] { visits.withLock { $0 } }
    }
    // ANCHOR_END: solution-4
}
