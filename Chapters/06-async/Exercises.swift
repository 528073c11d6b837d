import Foundation
import Loopback

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-06 exercise N` (or `make exercise-06-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: fetch three pages concurrently. The starter fetches them one after the
// other (about 0.30 s); use `async let` or a task group to bring it near 0.10 s.
func fetchThreePages(_ client: LoopbackClient) async throws -> [LoopbackClient.Response] {
    // TODO: start all three requests before awaiting any of them.
    let first = try await client.get("/page/1?delay_ms=100")
    let second = try await client.get("/page/2?delay_ms=100")
    let third = try await client.get("/page/3?delay_ms=100")
    return [first, second, third]
}

// Exercise 2: eight of these jobs run as tasks beside a heartbeat task, and the
// heartbeat starves. Change the job (it must still take about 100 ms) so that the
// heartbeat's worst gap stays under 60 ms.
func heartbeatJob(_ index: Int) async {
    _ = usleep(100_000)  // TODO: this blocks a thread of the task pool
}

// Exercise 3: this cache fetches each page at most once... or so it hopes. Ten tasks ask
// for the same page at once and it fetches ten times. Make concurrent callers share one
// fetch.
actor PageCache: PageCaching {
    private var pages: [Int: String] = [:]
    private(set) var fetches = 0

    init() {}

    func page(_ number: Int) async -> String {
        if let page = pages[number] { return page }
        fetches += 1
        try? await Task.sleep(for: .milliseconds(50))  // the slow fetch: the actor is re-entered here
        let page = "page \(number)"
        pages[number] = page
        return page
    }
}
