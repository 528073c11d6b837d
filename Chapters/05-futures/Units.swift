import Foundation

// ANCHOR: unit
/// The chapter's unit of time. Jobs sleep whole units, so two jobs finish at least a
/// unit apart: far more than a thread needs to wake up, even on a busy machine.
let unit = Duration.milliseconds(100)

/// Sleeps `units` units: a stand-in for a download or a query that takes that long.
func pause(units: Double) {
    Thread.sleep(forTimeInterval: unit.seconds * units)
}
// ANCHOR_END: unit

/// `duration` expressed in units.
func inUnits(_ duration: Duration) -> Double {
    duration / unit
}

/// How long since `start`, in seconds.
func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
