import Notebook

/// `[0.102 s]`: seconds since the timeline began, for printed event logs.
func stamp(_ timeline: Timeline) -> String {
    "[\(Format.number(timeline.seconds(), digits: 3)) s]"
}

/// Seconds elapsed since `start`.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
