// A library's two callback APIs: one marked @preconcurrency, one not.
// ANCHOR: shown
final class Tally {
    var count = 0
}

/// Added `@Sendable` in a later release; marked so that old callers are not broken.
@preconcurrency
func whenIdle(_ work: @escaping @Sendable () -> Void) { work() }

/// The same API, new: no allowance for old callers.
func whenIdleStrict(_ work: @escaping @Sendable () -> Void) { work() }

func use() {
    let tally = Tally()
    whenIdle { tally.count += 1 }
    whenIdleStrict { tally.count += 1 }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: error: capture of 'tally' with non-Sendable type 'Tally' in a '@Sendable' closure
// expect-error: warning: capture of 'tally' with non-Sendable type 'Tally' in a '@Sendable' closure
