// A class that claims Sendable while it has a `var`: the compiler checks the claim.
// ANCHOR: shown
final class Tally: Sendable {
    var count = 0
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: stored property 'count' of 'Sendable'-conforming class 'Tally' is mutable
