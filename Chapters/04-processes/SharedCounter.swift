import Foundation
import Notebook
import Processes
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: layout
/// What the shared segment holds: three machine words, seen by every process that
/// maps it. `exact` and `start` are atomics placed in the mapping itself.
struct SharedCounters {
    static let size = 3 * MemoryLayout<Int>.stride
    let plain: UnsafeMutablePointer<Int>
    let exact: UnsafeMutablePointer<Atomic<Int>>
    let start: UnsafeMutablePointer<Atomic<Int>>

    init(_ segment: SharedMemory) {
        let words = segment.pointer
        plain = words.bindMemory(to: Int.self, capacity: 1)
        exact = (words + MemoryLayout<Int>.stride).bindMemory(to: Atomic<Int>.self, capacity: 1)
        start = (words + 2 * MemoryLayout<Int>.stride).bindMemory(to: Atomic<Int>.self, capacity: 1)
    }
}
// ANCHOR_END: layout

// ANCHOR: plain-increment
/// `counter += 1` on plain memory: a load, an add, a store. Kept out of line so the
/// optimiser cannot fuse the calls into one addition.
@inline(never)
func incrementPlainly(_ counter: UnsafeMutablePointer<Int>) {
    counter.pointee += 1
}
// ANCHOR_END: plain-increment

// ANCHOR: shm-add
/// Worker role "shm-add NAME TIMES plain|atomic": maps the segment, waits for the
/// start signal, and adds 1 to a counter TIMES times.
func addInSharedMemory(_ arguments: [String]) -> Never {
    WorkerLoop.exitWhenOrphaned()
    guard arguments.count == 3, let times = Int(arguments[1]) else { exit(64) }
    let segment: SharedMemory
    do {
        segment = try SharedMemory(opening: arguments[0])
    } catch {
        FileHandle.standardError.write(Data("shm-add: \(error)\n".utf8))
        exit(66)
    }
    // The mapping lives as long as `segment`. An optimised build may release an object
    // right after its last use, so keep it alive while the pointers are in use.
    withExtendedLifetime(segment) {
        let counters = SharedCounters(segment)
        let deadline = ContinuousClock.now + .seconds(5)
        while counters.start.pointee.load(ordering: .acquiring) == 0 {
            guard ContinuousClock.now < deadline else { exit(65) }
            sched_yield()                 // spin, politely: the start is a few ms away
        }
        if arguments[2] == "atomic" {
            for _ in 0..<times { counters.exact.pointee.wrappingAdd(1, ordering: .relaxed) }
        } else {
            for _ in 0..<times { incrementPlainly(counters.plain) }
        }
    }
    exit(0)
}
// ANCHOR_END: shm-add

// ANCHOR: count-in-shared-memory
/// Starts `workers` processes that each add 1 `times` times to the chosen counter in
/// a fresh segment, and returns the final count. The segment is unlinked however this
/// ends: a `defer` runs on return and on a thrown error alike.
func countInSharedMemory(_ mode: String, workers: Int, times: Int) throws -> Int {
    let name = SharedMemory.uniqueName("counter")             // includes our pid
    let segment = try SharedMemory(creating: name, size: SharedCounters.size)
    defer { segment.unlink() }                                 // also keeps `segment` alive to the end
    let counters = SharedCounters(segment)
    counters.plain.initialize(to: 0)
    counters.exact.initialize(to: Atomic(0))
    counters.start.initialize(to: Atomic(0))
    var children: [ChildProcess] = []
    defer { children.forEach { $0.stop() } }
    for _ in 0..<workers {
        children.append(try ChildProcess(role: "shm-add", arguments: [name, "\(times)", mode]))
    }
    counters.start.pointee.store(1, ordering: .releasing)     // all start together
    for child in children {
        let ended = child.wait(timeout: .seconds(10))
        guard ended == .exited(code: 0) else { throw ChapterError("a shm-add worker: \(ended.map { "\($0)" } ?? "still running")") }
    }
    return mode == "atomic" ? counters.exact.pointee.load(ordering: .relaxed) : counters.plain.pointee
}
// ANCHOR_END: count-in-shared-memory

// ANCHOR: shared-memory
func sharedCounter(_ cell: Cell) throws {
    let workers = 4, times = incrementsPerWorker, expected = workers * times
    let plain = try countInSharedMemory("plain", workers: workers, times: times)
    print("plain counter:  \(plain) of \(expected) (\(expected - plain) updates lost)")
    let exact = try countInSharedMemory("atomic", workers: workers, times: times)
    print("atomic counter: \(exact) of \(expected)")
    let leftovers = SharedMemory.existingSegments()
    print("our segments left in /dev/shm: \(leftovers)")
    // ANCHOR_END: shared-memory
    cell.value("shm-expected", expected)
    cell.value("shm-per-worker", times)
    cell.value("shm-plain", plain)
    cell.value("shm-lost", expected - plain)
    cell.value("shm-exact", exact)
    cell.check(exact == expected, "the atomic counter is exactly \(expected)")
    #if os(Linux)
    cell.check(leftovers.isEmpty, "no segment of this process is left in /dev/shm")
    #endif
}

/// Enough additions that the four workers overlap in time, even in an optimised build.
#if DEBUG
let incrementsPerWorker = 1_000_000
#else
let incrementsPerWorker = 10_000_000
#endif

/// An error a cell throws with a message of its own.
struct ChapterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
