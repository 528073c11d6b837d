#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How busy the machine is, for programs that time themselves: a speedup measured while
/// other programs keep every core busy says little about the code being timed.
public enum SystemLoad {
    /// The one-minute load average: how many threads, on average over the last minute,
    /// were running or waiting for a core. `nil` if the system does not report it.
    public static func oneMinuteAverage() -> Double? {
        var sample = [0.0]
        return getloadavg(&sample, 1) == 1 ? sample[0] : nil
    }

    /// True when the load average is below `cores`: some core was, on average, free.
    /// An unknown load counts as free.
    public static func hasFreeCores(_ cores: Int, load: Double? = oneMinuteAverage()) -> Bool {
        (load ?? 0) < Double(cores)
    }
}
