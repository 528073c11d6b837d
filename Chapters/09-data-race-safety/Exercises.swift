import Notebook
import Synchronization

// The exercises' starters: the only code in this chapter you edit. Their checks are in
// ExerciseChecks.swift (read them after trying); `make exercise-09-K` runs them.

/// Exercise 1: `tidy` is called from the Studio actor and should run there, without a
/// hop to the global pool. Change only its declaration.
func tidy(_ title: String) async -> (title: String, ranIn: String) {
    (title.trimmingCharacters(in: .whitespaces).capitalized, domainName())
}

/// Exercise 2: `digest` is CPU work, and as written it runs on the Studio actor, holding
/// up everything else queued there. Make it leave for the global pool, whoever calls it
/// and whatever the build's default isolation. Change only its declaration.
@Studio func digest(_ text: String) async -> (value: Int, ranIn: String) {
    (text.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }, domainName())
}

/// Exercise 3: answer "is my caller running on this very vault?", at run time.
func isRunning(on vault: Vault, _ isolation: isolated (any Actor)? = #isolation) -> Bool {
    false  // TODO
}

/// Exercise 4: a visit log shared by many tasks. It is Sendable because its only state
/// is a `Mutex`; finish `add` and `all`.
final class VisitLog: VisitRecording {
    private let visits = Mutex<[String]>([])

    init() {}

    func add(_ page: String) {
        // TODO
    }

    var all: [String] { [] }  // TODO
}
