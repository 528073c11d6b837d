// A main-actor class meets a protocol that knows nothing about actors.
// swiftc: -parse-as-library
// expect-error: conformance of 'Gauge' to protocol 'Describable' crosses into main actor-isolated code and can cause data races
// expect-error: [#ConformanceIsolation]
// ANCHOR: shown
protocol Describable {
    func describe() -> String
}

@MainActor
final class Gauge: Describable {
    var reading = 42
    func describe() -> String { "gauge at \(reading)" }
}
// ANCHOR_END: shown
