import Foundation

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-11 exercise N` (or `make exercise-11-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: the checks fetch 40 pages (50 ms each) on worker threads, and want them
// all in under 0.2 s. Two numbers stand in the way; find both.
let pageFetchSettings = FetchSettings(
    threads: 2,       // TODO: how many threads?
    connections: 6    // TODO: and how many connections will the session allow? (6: URLSession's default on Linux)
)

// Exercise 2: count the primes in every chunk with `DispatchQueue.concurrentPerform`,
// adding each chunk's count (`count(chunk)`) to `tally`. The checks try 16 chunks; try
// 2, 16 and 200 yourself: which is fastest, and why are 2 chunks slower than they should
// be on 2 cores?
func countChunks(_ chunks: [Range<Int>], count: @Sendable (Range<Int>) -> Int, into tally: Tally) {
    // TODO: count the chunks with DispatchQueue.concurrentPerform, adding to `tally`.
}
