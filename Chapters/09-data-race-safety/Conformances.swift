import Notebook

// ANCHOR: describable
/// A protocol that says nothing about isolation: its requirement may be called from anywhere.
protocol Describable {
    func describe() -> String
}
// ANCHOR_END: describable

// ANCHOR: conformance-fix-declarations
@MainActor
final class Gauge {
    var reading = 42
    nonisolated let unit = "kPa"
}

/// Fix 1, an isolated conformance (SE-0470, Swift 6.2; inferred when the upcoming feature
/// InferIsolatedConformances or default main-actor isolation is on): `Gauge` is Describable only on
/// the main actor, and the compiler refuses to use the conformance anywhere else.
extension Gauge: @MainActor Describable {
    func describe() -> String { "gauge at \(reading) \(unit)" }
}

@MainActor
final class Badge {
    var holder = "Ada"
    nonisolated let number: Int
    init(number: Int) { self.number = number }
}

/// Fix 2: a `nonisolated` witness, when the requirement needs only what is safe from anywhere.
extension Badge: Describable {
    nonisolated func describe() -> String { "badge #\(number)" }
}

@MainActor
func describeOnTheMainActor(_ items: [any Describable]) -> [String] {
    items.map { $0.describe() }
}

/// Usable from any domain: only the nonisolated conformance may come here.
func describeAnywhere(_ item: some Describable & Sendable) async -> String {
    item.describe()
}
// ANCHOR_END: conformance-fix-declarations

// ANCHOR: conformance-fixes
@MainActor
func conformanceFixes(_ cell: Cell) async {
    let gauge = Gauge()
    let badge = Badge(number: 3)
    let onMain = describeOnTheMainActor([gauge, badge])
    let elsewhere = await describeAnywhere(badge)
    print(onMain, elsewhere)
    cell.check(onMain == ["gauge at 42 kPa", "badge #3"], "both conformances work on the main actor")
    cell.check(elsewhere == "badge #3", "the nonisolated conformance works off the main actor")
}
// ANCHOR_END: conformance-fixes
