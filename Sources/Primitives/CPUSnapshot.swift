import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used so far by the whole machine, by this process, and by the processes it
/// started. Two snapshots tell how many cores *other* programs kept busy in between, so a
/// timing can say whether it had the machine to itself, and a speedup check can stand
/// aside when it did not.
///
/// "Other programs" excludes this program's own child processes (a process pool's
/// workers, say): their CPU time is work the measurement asked for, so it is counted
/// with this process's. The figures come from `/proc`, so snapshots exist on Linux only.
public struct CPUSnapshot: Sendable {
    /// CPU seconds spent by every process on every core since boot (not idle, not waiting).
    public let machineBusySeconds: Double
    /// CPU seconds spent by this process, on all its threads. Like
    /// `CLOCK_PROCESS_CPUTIME_ID`, which it reads, it leaves out child processes.
    public let processSeconds: Double
    /// CPU seconds spent by this process's descendants: the ones still running (or ended
    /// but not yet reaped), read from `/proc/PID/stat`, plus the ones already reaped
    /// (`getrusage(RUSAGE_CHILDREN)`).
    public let childrenSeconds: Double
    public let instant: ContinuousClock.Instant

    public static func now() -> CPUSnapshot? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        // cpu  user nice system idle iowait irq softirq steal ...   (in clock ticks)
        let ticks = line.split(whereSeparator: \.isWhitespace).dropFirst().compactMap { Double($0) }
        guard ticks.count >= 8 else { return nil }
        let busyTicks = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]
        var own = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &own)
        return CPUSnapshot(machineBusySeconds: busyTicks / ticksPerSecond,
                           processSeconds: Double(own.tv_sec) + Double(own.tv_nsec) / 1e9,
                           childrenSeconds: reapedChildrenSeconds() + liveDescendantsSeconds(),
                           instant: .now)
    }

    /// On average, how many cores other processes kept busy between `earlier` and this
    /// snapshot (this process and its descendants are not "other").
    public func coresBusyElsewhere(since earlier: CPUSnapshot) -> Double {
        let elapsed = (instant - earlier.instant).components
        let wall = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let ours = (processSeconds - earlier.processSeconds) + (childrenSeconds - earlier.childrenSeconds)
        let others = (machineBusySeconds - earlier.machineBusySeconds) - ours
        return wall > 0 ? max(0, others / wall) : 0
    }

    /// The cores left to this program out of `cores` when others kept `busyElsewhere`
    /// busy, rounded to one decimal. Print and compare this one number: a rule such as
    /// "checked when at least 1.5 were free" must not print 1.5 for 1.4997 and skip.
    public static func coresLeft(of cores: Int, busyElsewhere: Double) -> Double {
        ((Double(cores) - busyElsewhere) * 10).rounded() / 10
    }

    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// User and system time of every child this process has waited for, and of the
    /// children they waited for.
    private static func reapedChildrenSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let children = __rusage_who_t(truncatingIfNeeded: RUSAGE_CHILDREN.rawValue)   // Glibc imports the constant as an enum case
        #else
        let children = RUSAGE_CHILDREN
        #endif
        guard getrusage(children, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// User and system time of every descendant not yet reaped, each with the time of its
    /// own reaped children (`cutime`, `cstime`), from `/proc/PID/stat`.
    private static func liveDescendantsSeconds() -> Double {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var parent: [Int32: Int32] = [:], ticks: [Int32: Double] = [:]
        for pid in entries.compactMap(Int32.init) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }   // the name may hold spaces
            // After the name: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 14, let ppid = Int32(fields[1]) else { continue }
            parent[pid] = ppid
            ticks[pid] = fields[11...14].compactMap { Double($0) }.reduce(0, +)
        }
        let me = getpid()
        func descends(_ pid: Int32) -> Bool {
            var current = pid, steps = 0
            while let up = parent[current], steps < 64 {   // 64: a bound, in case of a cycle mid-read
                if up == me { return true }
                current = up
                steps += 1
            }
            return false
        }
        return ticks.filter { descends($0.key) }.values.reduce(0, +) / ticksPerSecond
    }
}

extension CPUSnapshot {
    /// Runs `work` and says, beside its result, how many cores other programs kept busy
    /// meanwhile on average (`nil` where the machine's counters cannot be read).
    public static func measuringOthers<T>(_ work: () throws -> T) rethrows -> (result: T, coresBusyElsewhere: Double?) {
        let before = now()
        let result = try work()
        return (result, before.flatMap { earlier in now()?.coresBusyElsewhere(since: earlier) })
    }
}
