import Notebook

// ANCHOR: fetch
/// Pretends to fetch `name` from somewhere slow. `Task.sleep` suspends the task: the
/// thread is free to run other tasks meanwhile.
func fetch(_ name: String, taking delay: Duration, on timeline: Timeline) async throws -> String {
    print("\(stamp(timeline)) \(name) starts")
    try await timeline.span(lane: name, label: "fetch \(name)") {
        try await Task.sleep(for: delay)
    }
    print("\(stamp(timeline)) \(name) done")
    return name
}
// ANCHOR_END: fetch

func sumVersusMax(_ cell: Cell) async throws {
    // ANCHOR: sequential
    let sequential = cell.timeline("sequential", "Two awaits in a row: the second starts when the first ends")
    let first = ContinuousClock.now
    let a = try await fetch("A", taking: .milliseconds(100), on: sequential)
    let b = try await fetch("B", taking: .milliseconds(150), on: sequential)
    let sequentialTime = secondsSince(first)
    // ANCHOR_END: sequential
    print("sequential: \(a) and \(b) in \(seconds: sequentialTime)\n")

    // ANCHOR: concurrent
    let concurrent = cell.timeline("concurrent", "Two async let bindings: both start at once")
    let second = ContinuousClock.now
    async let c = fetch("A", taking: .milliseconds(100), on: concurrent)
    async let d = fetch("B", taking: .milliseconds(150), on: concurrent)
    let both = try await [c, d]
    let concurrentTime = secondsSince(second)
    // ANCHOR_END: concurrent
    print("concurrent: \(both.joined(separator: " and ")) in \(seconds: concurrentTime)")

    cell.value("sequential-time", sequentialTime, digits: 3, unit: "s")
    cell.value("concurrent-time", concurrentTime, digits: 3, unit: "s")
    cell.value("concurrent-ratio", concurrentTime / sequentialTime, digits: 2)
    cell.check(sequentialTime >= 0.25, "sequential \(seconds: sequentialTime) >= 0.100 + 0.150 s (the sum)")
    cell.check(concurrentTime >= 0.15, "concurrent \(seconds: concurrentTime) >= 0.150 s (the longer of the two)")
    cell.check(concurrentTime < 0.8 * sequentialTime,
               "concurrent \(seconds: concurrentTime) < 0.8 x sequential \(seconds: sequentialTime)")
}
