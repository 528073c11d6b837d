// A main-actor class meets a protocol that knows nothing about actors. Refused in this
// book's mode; accepted, as an isolated conformance, with InferIsolatedConformances or
// with -default-isolation MainActor.
// ANCHOR: shown
protocol Describable {
    func describe() -> String
}

@MainActor
final class Gauge: Describable {
    var reading = 42
    func describe() -> String { "gauge at \(reading)" }
}

let gauge = Gauge()                  // top-level code runs on the main actor
print(gauge.describe())
// ANCHOR_END: shown

// expect-error: conformance of 'Gauge' to protocol 'Describable' crosses into main actor-isolated code and can cause data races
// expect-error: [#ConformanceIsolation]
// expect-output: gauge at 42
