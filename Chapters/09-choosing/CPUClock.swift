#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used by every thread of this process so far, in seconds. Divided by the
/// wall-clock time of a piece of work, it says how many cores the work kept busy on
/// average: more than 1 means threads really ran at the same instant.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
