import Foundation
import Notebook
import Processes

// The checks of this chapter's exercises. Each receives the implementation under test:
// your code from Exercises.swift, or the reference solution from Solutions.swift.
// Exercises 1 and 3 run in worker processes: the worker roles below pick the same
// implementation as the parent (`Notebook.exerciseImplementation`).

/// Role "exercise-1": serves the vowel count under test.
func exercise1Job(_ word: String) -> Int {
    Notebook.exerciseImplementation == .solution ? Solutions.vowelCount(word) : vowelCount(word)
}

/// Role "exercise-2": input n sleeps n × 200 ms.
func exercise2Job(_ n: Int) -> Int {
    Thread.sleep(forTimeInterval: Double(n) * 0.2)
    return n
}

/// Role "exercise-3": writes this worker's pid into its slot, then exits.
func exercise3Worker(_ arguments: [String]) -> Never {
    WorkerLoop.exitWhenOrphaned()
    guard arguments.count == 2, let slot = Int(arguments[1]) else { exit(64) }
    if Notebook.exerciseImplementation == .solution {
        Solutions.writeOwnPid(segmentName: arguments[0], slot: slot)
    } else {
        writeOwnPid(segmentName: arguments[0], slot: slot)
    }
    exit(0)
}

// ANCHOR: exercise-1-checks
func checkOwnRole(_ cell: Cell, _ count: @Sendable (String) -> Int) throws {
    let words = ["process", "pipe", "queue", "shared", "memory", "signal"]
    let expected = [2, 2, 4, 2, 2, 2]
    cell.check(words.map(count) == expected, "in this process: vowel counts \(words.map(count)), expected \(expected)")
    let pool = try ProcessPool(workers: 2, role: "exercise-1")
    defer { pool.shutdown() }
    let counts = pool.map(words, as: Int.self)
    for (word, count) in zip(words, counts) { print("\(word): \(count)") }
    cell.check(counts == expected.map { .success($0) }, "in the workers: vowel counts in input order")
}
// ANCHOR_END: exercise-1-checks

// ANCHOR: exercise-2-checks
func checkTimeout(_ cell: Cell, _ timeout: Duration) throws {
    let pool = try ProcessPool(workers: 3, role: "exercise-2", jobTimeout: timeout)
    defer { pool.shutdown() }
    // The timeout runs from the moment an input is sent, so a worker still starting up
    // would spend part of it loading the program: let every worker answer once first.
    _ = pool.map([0, 0, 0, 0, 0, 0], as: Int.self)
    let start = ContinuousClock.now
    let results = pool.map(Array(0..<6), as: Int.self)
    print("timeout \(timeout): the map took \(ContinuousClock.now - start)")
    for (n, result) in zip(0..., results) { print("\(n): \(result)") }
    cell.check(results.prefix(3) == [.success(0), .success(1), .success(2)], "inputs 0, 1, 2 succeed")
    cell.check(results.suffix(3).allSatisfy { $0 == .failure(.timedOut(after: timeout)) }, "inputs 3, 4, 5 time out")
}
// ANCHOR_END: exercise-2-checks

// ANCHOR: exercise-3-checks
func checkSharedArray(_ cell: Cell, _: @Sendable (String, Int) -> Void) throws {
    let name = SharedMemory.uniqueName("exercise-3")
    let segment = try SharedMemory(creating: name, size: 4 * MemoryLayout<Int32>.stride)
    defer { _ = segment.unlink() }
    let slots = segment.pointer.bindMemory(to: Int32.self, capacity: 4)
    let workers = try (0..<4).map { i in try ChildProcess(role: "exercise-3", arguments: [name, "\(i)"]) }
    defer { workers.forEach { _ = $0.stop() } }
    let endings = workers.map { $0.wait(timeout: .seconds(10)) }
    let written = withExtendedLifetime(segment) { (0..<4).map { slots[$0] } }
    print("pids: \(workers.map(\.pid)), array: \(written)")
    cell.check(endings.allSatisfy { $0 == .exited(code: 0) }, "every worker exited with code 0 (\(endings))")
    cell.check(written == workers.map(\.pid), "slot i holds the pid of worker i")
}
// ANCHOR_END: exercise-3-checks
