import Foundation
import Notebook
import Processes

// Exercise 1: a worker role of your own.
// The pool below starts workers in role "exercise-1", whose job is `exercise1Job`.
// Make it return the number of vowels (a, e, i, o, u) in the word, then run
// `swift run chapter-04 exercise 1` until every check passes.
func exercise1Job(_ word: String) -> Int {
    0  // TODO: count the vowels in `word`
}

func exerciseOwnRole(_ cell: Cell) throws {
    let words = ["process", "pipe", "queue", "shared", "memory", "signal"]
    let pool = try ProcessPool(workers: 2, role: "exercise-1")
    defer { pool.shutdown() }
    let counts = pool.map(words, as: Int.self)
    for (word, count) in zip(words, counts) { print("\(word): \(count)") }
    cell.check(counts == [2, 2, 4, 2, 2, 2].map { .success($0) }, "vowel counts in input order")
}

// Exercise 2: a timeout for slow inputs.
// Job `exercise2Job` sleeps n × 100 ms. Choose the pool's `jobTimeout` so that inputs
// 0, 1 and 2 succeed and 3, 4 and 5 are reported as timed out, then check how long the
// whole map took. Why is it more than the longest successful input?
func exercise2Job(_ n: Int) -> Int {
    Thread.sleep(forTimeInterval: Double(n) / 10)
    return n
}

func exerciseTimeout(_ cell: Cell) throws {
    let timeout: Duration = .seconds(10)  // TODO: choose a timeout
    let pool = try ProcessPool(workers: 3, role: "exercise-2", jobTimeout: timeout)
    defer { pool.shutdown() }
    let start = ContinuousClock.now
    let results = pool.map(Array(0..<6), as: Int.self)
    print("took \(ContinuousClock.now - start)")
    for (n, result) in zip(0..., results) { print("\(n): \(result)") }
    cell.check(results.prefix(3) == [.success(0), .success(1), .success(2)], "inputs 0, 1, 2 succeed")
    cell.check(results.suffix(3).allSatisfy { $0 == .failure(.timedOut(after: timeout)) }, "inputs 3, 4, 5 time out")
}

// Exercise 3: an array in shared memory (Python's multiprocessing.Array).
// Start 4 workers in role "exercise-3", each given the segment's name and its index i.
// Each must write its own pid into slot i of an array of 4 Int32 in the segment.
// The parent then compares the array with the workers' pids. Don't forget the cleanup.
func exercise3Worker(_ arguments: [String]) -> Never {
    WorkerLoop.exitWhenOrphaned()
    // TODO: open the segment named arguments[0] and store getpid() at index Int(arguments[1])
    exit(0)
}

func exerciseSharedArray(_ cell: Cell) throws {
    let name = SharedMemory.uniqueName("exercise-3")
    let segment = try SharedMemory(creating: name, size: 4 * MemoryLayout<Int32>.stride)
    defer { segment.unlink() }
    let slots = segment.pointer.bindMemory(to: Int32.self, capacity: 4)
    let workers = try (0..<4).map { i in try ChildProcess(role: "exercise-3", arguments: [name, "\(i)"]) }
    defer { workers.forEach { $0.stop() } }
    workers.forEach { $0.waitUntilExit() }
    let written = (0..<4).map { slots[$0] }
    print("pids: \(workers.map(\.pid)), array: \(written)")
    cell.check(written == workers.map(\.pid), "slot i holds the pid of worker i")
}
