#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time used by every thread of this process, for telling parallel work from
/// work that merely overlaps in time.
///
///     let cpuStart = ProcessCPUClock.seconds(), start = ContinuousClock.now
///     runTheWork()
///     let busyCores = (ProcessCPUClock.seconds() - cpuStart) / (ContinuousClock.now - start).seconds
///
/// CPU time over wall-clock time is the number of cores the work kept busy on average.
/// One thread computing flat out scores 1; more than 1 is possible only if threads ran
/// at the same instant; less than 1 means the work waited (for I/O, a lock, or a core
/// that other programs were using). Child processes are not counted.
public enum ProcessCPUClock {
    /// CPU seconds used so far by all threads of this process (user and system time).
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
