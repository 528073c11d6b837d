import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used so far by the whole machine and by this process. Two snapshots tell
/// how many cores *other* programs kept busy in between, so a timing can say whether
/// it had the machine to itself, and a speedup check can stand aside when it did not.
/// The machine's figure comes from `/proc/stat`, so snapshots exist on Linux only.
public struct CPUSnapshot: Sendable {
    /// CPU seconds spent by every process on every core since boot (not idle, not waiting).
    public let machineBusySeconds: Double
    /// CPU seconds spent by this process, on all its threads.
    public let processSeconds: Double
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
        return CPUSnapshot(machineBusySeconds: busyTicks / Double(sysconf(Int32(_SC_CLK_TCK))),
                           processSeconds: Double(own.tv_sec) + Double(own.tv_nsec) / 1e9,
                           instant: .now)
    }

    /// On average, how many cores other processes kept busy between `earlier` and this snapshot.
    public func coresBusyElsewhere(since earlier: CPUSnapshot) -> Double {
        let elapsed = (instant - earlier.instant).components
        let wall = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let others = (machineBusySeconds - earlier.machineBusySeconds) - (processSeconds - earlier.processSeconds)
        return wall > 0 ? max(0, others / wall) : 0
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
