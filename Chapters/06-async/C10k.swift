import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C10k experiment: 10,000 things each waiting 1 s, as tasks or as threads. Each side
/// runs in a child process of this program, so each has its own memory peak.
enum C10k {
    static let count = 10_000
    static let wait: Duration = .seconds(1)
    static let threadStackSize = 64 * 1024

    /// What a child process measured, sent to the parent as one JSON line.
    struct Report: Codable, Sendable {
        var seconds: Double
        var peakMemoryKiB: Int
        /// `ru_maxrss` from `getrusage`, for comparison: on Linux it also holds the
        /// high-water mark from before `execve` (the parent's memory), see `peakResidentKiB`.
        var maxrssKiB: Int
        var peakThreads: Int?
        /// Threads only: when the last thread had been started (they start one by one).
        var allStartedAfter: Double?
    }

    /// The child's job, chosen by its first argument.
    enum Role: String {
        case tasks = "c10k-tasks"
        case threads = "c10k-threads"
        /// The tasks' child with no waiters: what the process costs before any task exists.
        case baseline = "c10k-baseline"

        init?(arguments: [String]) {
            guard arguments.count > 1, let role = Role(rawValue: arguments[1]) else { return nil }
            self = role
        }

        /// Runs the experiment in this (child) process and prints the report.
        func run() async {
            let sampler = ThreadCountSampler()
            let (seconds, allStarted): (Double, Double?) = switch self {
            case .tasks: (await C10k.sleepInTasks(count: C10k.count), nil)
            case .threads: C10k.sleepInThreads()
            case .baseline: (await C10k.sleepInTasks(count: 0), nil)
            }
            let report = Report(seconds: seconds, peakMemoryKiB: peakResidentKiB(), maxrssKiB: maxrssKiB(),
                                peakThreads: sampler.stop(),
                                allStartedAfter: allStarted)
            print(String(decoding: try! JSONEncoder().encode(report), as: UTF8.self))
        }
    }

    // ANCHOR: c10k-tasks
    static func sleepInTasks(count: Int) async -> Double {
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask { try? await Task.sleep(for: wait) }
            }
        }
        return secondsSince(start)
    }
    // ANCHOR_END: c10k-tasks

    // ANCHOR: c10k-threads
    static func sleepInThreads() -> (seconds: Double, allStartedAfter: Double) {
        let start = ContinuousClock.now
        let finished = DispatchGroup()
        for _ in 0..<count {
            finished.enter()
            let thread = Thread {
                Thread.sleep(forTimeInterval: wait.seconds)
                finished.leave()
            }
            thread.stackSize = threadStackSize  // 64 KiB instead of 8 MiB
            thread.start()  // one thread creates them all, one after another
        }
        let allStarted = secondsSince(start)
        finished.wait()
        return (secondsSince(start), allStarted)
    }
    // ANCHOR_END: c10k-threads

    /// Launches this program again in `role` and decodes the report it prints.
    static func measure(_ role: Role) throws -> Report {
        let child = Process()
        child.executableURL = Bundle.main.executableURL
        child.arguments = [role.rawValue]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()  // drain before waiting
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw ChildFailed(role: role.rawValue, status: child.terminationStatus) }
        return try JSONDecoder().decode(Report.self, from: data)
    }

    struct ChildFailed: Error { let role: String; let status: Int32 }
}

/// The largest resident memory this process has had, in KiB (the process's whole peak:
/// code, libraries and the runtime included, not only the waiters). On Linux it is
/// `VmHWM` from /proc/self/status, the high-water mark of this program's own memory.
/// Not `ru_maxrss`: across `execve` Linux keeps the larger of the old and new marks
/// (`exec_mmap` in fs/exec.c), so a child started by a program that had 40 MiB resident
/// reports at least 40 MiB, whatever it uses itself. Elsewhere, `ru_maxrss`.
func peakResidentKiB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kiB = Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "") {
        return kiB  // "VmHWM:    16564 kB"
    }
    return maxrssKiB()
}

/// `ru_maxrss` from `getrusage`, in KiB (Linux reports KiB; Darwin bytes, converted below).
func maxrssKiB() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return usage.ru_maxrss / 1024  // bytes on macOS
    #else
    return usage.ru_maxrss  // KiB on Linux
    #endif
}

/// Samples the process's OS thread count (`Threads:` in /proc/self/status) every 10 ms
/// on a thread of its own, keeping the maximum. `nil` where there is no /proc.
final class ThreadCountSampler: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var peak: Int?  // written by the sampler thread only, read after `finished`

    init() {
        Thread { [self] in
            while done.wait(timeout: .now() + .milliseconds(10)) == .timedOut {
                if let now = Self.threadCount() { peak = max(peak ?? 0, now) }
            }
            finished.signal()
        }.start()
    }

    func stop() -> Int? {
        done.signal()
        finished.wait()
        // One last sample: a child that finishes within 10 ms has none otherwise.
        if let now = Self.threadCount() { peak = max(peak ?? 0, now) }
        return peak
    }

    static func threadCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Threads:") })
        else { return nil }
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces))
    }
}

func c10k(_ cell: Cell) throws {
    // ANCHOR: c10k-run
    let baseline = try C10k.measure(.baseline)  // the same child with no waiters
    let tasks = try C10k.measure(.tasks)
    let threads = try C10k.measure(.threads)
    // ANCHOR_END: c10k-run
    // Each peak holds the process itself (code, libraries, runtime): the cost of a waiter is
    // what a peak adds above the empty child's, divided by the waiters.
    let baselineBytes = baseline.peakMemoryKiB * 1024
    let taskBytes = tasks.peakMemoryKiB * 1024, threadBytes = threads.peakMemoryKiB * 1024
    let perTask = Double(taskBytes - baselineBytes) / Double(C10k.count)
    let perThread = Double(threadBytes - baselineBytes) / Double(C10k.count)
    func threadsText(_ count: Int?) -> String { count.map(Format.count) ?? "n/a" }
    cell.table("c10k-table", "\(Format.count(C10k.count)) waiters, each sleeping 1 s (ideal 1.00 s), each in its own process",
               header: ["model", "wall time", "ideal", "peak memory", "above the empty child, per waiter", "OS threads (peak)"],
               rows: [
                   ["no waiters (the empty child)", Format.duration(baseline.seconds), "0 s",
                    Format.bytes(baselineBytes), "", threadsText(baseline.peakThreads)],
                   ["10,000 tasks", Format.duration(tasks.seconds), "1.00 s",
                    Format.bytes(taskBytes), Format.bytes(perTask), threadsText(tasks.peakThreads)],
                   ["10,000 threads (64 KiB stacks)", Format.duration(threads.seconds), "1.00 s",
                    Format.bytes(threadBytes), Format.bytes(perThread), threadsText(threads.peakThreads)],
               ])
    cell.value("c10k-tasks-time", tasks.seconds, digits: 2, unit: "s")
    cell.value("c10k-threads-time", threads.seconds, digits: 2, unit: "s")
    print("the empty child's peak: \(bytes: baselineBytes) by VmHWM, \(bytes: baseline.maxrssKiB * 1024) by ru_maxrss (which kept the mark from before exec)")
    cell.value("c10k-baseline-maxrss", bytes: baseline.maxrssKiB * 1024)
    cell.value("c10k-baseline-memory", bytes: baselineBytes)
    cell.value("c10k-tasks-memory", bytes: taskBytes)
    cell.value("c10k-threads-memory", bytes: threadBytes)
    cell.value("c10k-per-task", bytes: perTask)
    cell.value("c10k-per-thread", bytes: perThread)
    cell.value("c10k-tasks-threads", text: threadsText(tasks.peakThreads))
    cell.value("c10k-threads-threads", text: threadsText(threads.peakThreads))
    cell.check(tasks.seconds >= 1 && tasks.seconds < 2, "10,000 tasks finished in \(seconds: tasks.seconds): about one sleep, not 10,000")
    let allStarted = threads.allStartedAfter ?? 0
    cell.value("c10k-threads-started", allStarted, unit: "s")
    cell.check(threads.seconds >= 1, "10,000 threads took \(seconds: threads.seconds) >= 1 s")
    cell.check(threads.seconds >= allStarted + 0.9,  // 0.1 s of slack: the clock is read just after the last start
               "the last thread started after \(seconds: allStarted) and slept 1 s: total \(seconds: threads.seconds)")
    cell.check(baselineBytes < taskBytes && taskBytes < threadBytes,
               "the empty child peaked lowest (\(bytes: baselineBytes)), then the tasks (\(bytes: taskBytes)), then the threads (\(bytes: threadBytes))")
    if let taskThreads = tasks.peakThreads, let threadThreads = threads.peakThreads {
        cell.check(taskThreads * 10 < threadThreads,
                   "the tasks used \(taskThreads) OS threads, the threads version \(threadThreads)")
    }
}
