/// The unit a timeline's axis speaks: milliseconds for runs under a second, else seconds,
/// so tick labels stay short whole-ish numbers ("250 ms", not "0.25 s").
enum TimeUnit {
    case milliseconds
    case seconds

    /// The unit that suits a timeline ending `end` seconds after its origin.
    init(forRangeUpTo end: Double) {
        self = end < 1 ? .milliseconds : .seconds
    }

    /// Multiply seconds by this to get the unit.
    var perSecond: Double {
        switch self {
        case .milliseconds: 1000
        case .seconds: 1
        }
    }

    var symbol: String {
        switch self {
        case .milliseconds: "ms"
        case .seconds: "s"
        }
    }
}
