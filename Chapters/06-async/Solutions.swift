import Foundation
import Loopback

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-06 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// Each `async let` starts its request at once; the `await`s then wait for requests
    /// that are already running side by side.
    static func fetchThreePages(_ client: LoopbackClient) async throws -> [LoopbackClient.Response] {
        async let first = client.get("/page/1?delay_ms=100")
        async let second = client.get("/page/2?delay_ms=100")
        async let third = client.get("/page/3?delay_ms=100")
        return try await [first, second, third]
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// `Task.sleep` suspends the task and gives its thread back to the pool, so the
    /// heartbeat gets a thread whenever it is due. (Moving the `usleep` to a thread of its
    /// own, `runOffThePool`, works too.)
    static func heartbeatJob(_ index: Int) async {
        try? await Task.sleep(for: .milliseconds(100))
    }
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    /// The first caller stores the fetch itself, as a `Task`, before its first `await`;
    /// callers who re-enter the actor meanwhile find that task and await the same result.
    actor PageCache: PageCaching {
        private var pages: [Int: Task<String, Never>] = [:]
        private(set) var fetches = 0

        init() {}

        func page(_ number: Int) async -> String {
            if let fetch = pages[number] { return await fetch.value }
            fetches += 1
            let fetch = Task {
                try? await Task.sleep(for: .milliseconds(50))  // the slow fetch
                return "page \(number)"
            }
            pages[number] = fetch
            return await fetch.value
        }
    }
    // ANCHOR_END: solution-3
}
