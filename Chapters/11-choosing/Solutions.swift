import Foundation

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-11 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    /// One thread per page, so that no page waits for a thread, and one connection per
    /// thread, so that no request waits for a connection. With either number left small,
    /// the pages go through in rounds: 40 / 6 connections is 7 rounds of 50 ms.
    static let pageFetchSettings = FetchSettings(threads: 40, connections: 40)
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// With 16 chunks on 2 cores, a core that finishes early takes another chunk. With 2
    /// equal chunks, the upper half (larger numbers, slower to test) finishes last while
    /// the other core idles.
    static func countChunks(_ chunks: [Range<Int>], count: @Sendable (Range<Int>) -> Int, into tally: Tally) {
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            tally.add(count(chunks[index]))
        }
    }
    // ANCHOR_END: solution-2
}
