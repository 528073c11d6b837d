import Foundation
import Processes

// Your code for this chapter's exercises: edit this file only. Run one with
// `swift run chapter-04 exercise N` (or `make exercise-04-N`); it prints every check and
// what is still failing. `... exercise N hint` gives a hint. The checks are in
// ExerciseChecks.swift, the reference solutions in Solutions.swift.

// Exercise 1: a worker role of your own. The pool in the checks starts workers in role
// "exercise-1", which serve this job: make it return the number of vowels (a, e, i, o,
// u) in the word.
func vowelCount(_ word: String) -> Int {
    0  // TODO: count the vowels in `word`
}

// Exercise 2: a timeout for slow inputs. Job n sleeps n × 200 ms (`exercise2Job`).
// Choose the pool's `jobTimeout` so that inputs 0, 1 and 2 succeed and 3, 4 and 5 are
// reported as timed out. Then look at how long the whole map took: why is it more than
// the longest successful input?
let slowInputTimeout: Duration = .seconds(10)  // TODO: choose a timeout

// Exercise 3: an array in shared memory (Python's multiprocessing.Array). The checks
// start 4 workers in role "exercise-3"; worker i runs this with the segment's name and
// its index i. Open the segment and store this process's pid (`getpid()`) in slot i of
// an array of 4 Int32 there.
func writeOwnPid(segmentName: String, slot: Int) {
    // TODO: open the segment named `segmentName` and store getpid() at index `slot`.
}
