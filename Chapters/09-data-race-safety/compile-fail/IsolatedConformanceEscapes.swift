// An isolated conformance may not leave its actor.
protocol Describable {
    func describe() -> String
}

@MainActor
final class Gauge {
    var reading = 42
}

// ANCHOR: shown
extension Gauge: @MainActor Describable {
    func describe() -> String { "gauge at \(reading)" }
}

func describeAnywhere(_ item: some Describable & Sendable) async -> String {
    item.describe()
}

@MainActor
func show(_ gauge: Gauge) async -> String {
    await describeAnywhere(gauge)
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: main actor-isolated conformance of 'Gauge' to 'Describable' cannot satisfy conformance requirement for a 'Sendable' type parameter
// expect-error: [#IsolatedConformances]
