import Primitives

/// One measured run: its wall-clock time, how many cores it kept busy on average, and
/// how many cores other programs kept busy meanwhile. The two core counts come from
/// `CPUSnapshot` (the process's CPU time, and the machine's from `/proc/stat`); they are
/// `nil` where the system does not report them.
struct Timing: Comparable {
    let seconds: Double
    /// This process's CPU time over the wall-clock time.
    let busyCores: Double?
    /// The cores other programs kept busy, on average, during the run.
    let busyElsewhere: Double?

    static let never = Timing(seconds: .infinity, busyCores: nil, busyElsewhere: nil)

    init(seconds: Double, busyCores: Double?, busyElsewhere: Double?) {
        self.seconds = seconds
        self.busyCores = busyCores
        self.busyElsewhere = busyElsewhere
    }

    /// Runs `measure` (which returns the wall-clock seconds of the work it does) between
    /// two snapshots of the CPU counters.
    init(_ measure: () -> Double) {
        let before = CPUSnapshot.now()
        let seconds = measure()
        let after = CPUSnapshot.now()
        var busy: Double?, elsewhere: Double?
        if let before, let after {
            busy = (after.processSeconds - before.processSeconds) / seconds
            elsewhere = after.coresBusyElsewhere(since: before)
        }
        self.init(seconds: seconds, busyCores: busy, busyElsewhere: elsewhere)
    }

    /// The shorter run is the better one.
    static func < (a: Timing, b: Timing) -> Bool { a.seconds < b.seconds }
}
