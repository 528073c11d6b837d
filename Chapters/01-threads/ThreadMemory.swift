import Foundation
import Notebook
import Primitives

/// The child role that parks threads and reports how the process grew: run in a fresh
/// process, so that nothing earlier in the chapter has already grown it.
let parkThreadsRole = "park-threads"

/// How much `count` parked threads (alive, waiting at a gate) grew this process, per
/// thread: reserved address space and memory in use, in bytes. `nil` without `/proc`.
func parkedThreadGrowth(count: Int) -> (reserved: Double, resident: Double)? {
    guard let before = ProcessMemory.current() else { return nil }
    let arrived = DispatchSemaphore(value: 0), gate = DispatchSemaphore(value: 0)
    let parked = (0..<count).map { i in
        JoinableThread(name: "parked-\(i)") { arrived.signal(); gate.wait() }
    }
    for _ in parked { arrived.wait() }                  // all of them are running now
    let during = ProcessMemory.current()!
    for _ in parked { gate.signal() }
    for thread in parked { thread.join() }
    return (Double(during.reservedBytes - before.reservedBytes) / Double(count),
            Double(during.residentBytes - before.residentBytes) / Double(count))
}

/// Plays `parkThreadsRole`: prints "reserved resident" per thread, in bytes, and exits.
func parkThreadsAndReport() -> Never {
    if let growth = parkedThreadGrowth(count: parkedThreads) {
        print("\(Int(growth.reserved)) \(Int(growth.resident))")
    }
    exit(0)
}

let parkedThreads = 100

// ANCHOR: thread-memory
func threadMemory(_ cell: Cell) throws {
    // Two fresh copies of this program park 100 threads each: one with glibc's malloc as it
    // is, one limited to a single malloc arena (MALLOC_ARENA_MAX=1).
    var growth: [String: (reserved: Double, resident: Double)] = [:]
    for (label, environment) in [("default", [String: String]()), ("MALLOC_ARENA_MAX=1", ["MALLOC_ARENA_MAX": "1"])] {
        let run = try ChildRun(argument: parkThreadsRole, environment: environment)
        let numbers = run.output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        if numbers.count == 2 { growth[label] = (numbers[0], numbers[1]) }
    }
    // ANCHOR_END: thread-memory
    cell.value("memory-threads", parkedThreads)
    guard let normal = growth["default"], let oneArena = growth["MALLOC_ARENA_MAX=1"] else {
        print("no /proc on this system: nothing to measure")
        for name in ["memory-reserved-per-thread", "memory-reserved-one-arena", "memory-resident-per-thread"] {
            cell.value(name, text: "not measured")
        }
        return
    }
    let mebibyte = 1_048_576.0
    cell.table("thread-memory", "\(parkedThreads) parked threads in a fresh process: growth per thread",
               header: ["malloc", "address space reserved", "memory in use"],
               rows: [("default", normal), ("MALLOC_ARENA_MAX=1", oneArena)].map { label, figures in
                   [label, Format.number(figures.reserved / mebibyte, digits: 1) + " MiB",
                    Format.number(figures.resident / 1024, digits: 0) + " KiB"]
               })
    cell.value("memory-reserved-per-thread", normal.reserved / mebibyte, digits: 1, unit: "MiB")
    cell.value("memory-reserved-one-arena", oneArena.reserved / mebibyte, digits: 1, unit: "MiB")
    cell.value("memory-resident-per-thread", normal.resident / 1024, digits: 0, unit: "KiB")
    let stack = Double(Thread().stackSize)
    cell.check(normal.resident < mebibyte && oneArena.resident < mebibyte,
               "each parked thread added less than 1 MiB of memory in use")
    cell.check(oneArena.reserved >= stack && oneArena.reserved < stack + mebibyte,
               "with one malloc arena, a parked thread reserved its stack and less than 1 MiB more")
    if !Notebook.isThreadSanitized {                 // the sanitizer brings its own allocator
        cell.check(normal.reserved > oneArena.reserved + mebibyte,
                   "with glibc's default arenas, each parked thread reserved more than with one arena")
    }
}

// ANCHOR: thread-limits
/// What limits the number of threads on Linux, as this system says (`nil`: not found).
func threadLimits() -> [(name: String, value: String)] {
    func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var limits: [(String, String)] = []
    #if canImport(Glibc)
    var processes = rlimit()
    if getrlimit(__rlimit_resource_t(truncatingIfNeeded: __RLIMIT_NPROC.rawValue), &processes) == 0 {
        limits.append(("RLIMIT_NPROC (ulimit -u: threads of this user, all processes)",
                       processes.rlim_cur == rlim_t.max ? "unlimited" : Format.count(Int(processes.rlim_cur))))
    }
    #endif
    // cgroup v2: the group this process belongs to may cap its tasks (threads count).
    if let group = read("/proc/self/cgroup")?.split(separator: "\n").first(where: { $0.hasPrefix("0::") })?.dropFirst(3),
       let maximum = read("/sys/fs/cgroup\(group)/pids.max") {
        limits.append(("cgroup pids.max (tasks in this container or service)", maximum))
    }
    if let maps = read("/proc/sys/vm/max_map_count") {
        limits.append(("vm.max_map_count (memory mappings per process; a thread needs about two)", maps))
    }
    if let threads = read("/proc/sys/kernel/threads-max") {
        limits.append(("kernel.threads-max (threads on the whole machine)", threads))
    }
    return limits
}
// ANCHOR_END: thread-limits
