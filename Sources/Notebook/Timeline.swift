
/// Records spans of work on lanes, from any thread or task at once, for a Gantt chart.
///
///     let timeline = cell.timeline("workers", "Five workers")
///     timeline.span(lane: "worker-1", label: "sleep") { Thread.sleep(forTimeInterval: 0.05) }
///
/// Times are measured from the moment the timeline was created.
public final class Timeline: Sendable {
    public let name: String
    public let title: String
    public let origin: ContinuousClock.Instant
    private let spans = Locked<[SpanRecord]>([])

    init(name: String, title: String) {
        self.name = name
        self.title = title
        self.origin = .now
    }

    /// Seconds elapsed since the timeline's origin.
    public func seconds(at instant: ContinuousClock.Instant = .now) -> Double {
        (instant - origin).seconds
    }

    /// Records a span that has already happened. A span that began before the timeline
    /// was created is clipped at the timeline's origin.
    public func record(lane: String, label: String, from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) {
        let span = SpanRecord(lane: lane, label: label, start: max(0, seconds(at: start)), end: max(0, seconds(at: end)))
        spans.withLock { $0.append(span) }
    }

    /// Runs `body` and records how long it took as one span.
    @discardableResult
    public func span<T, E: Error>(lane: String, label: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer { record(lane: lane, label: label, from: start, to: .now) }
        return try body()
    }

    /// Runs async `body` and records how long it took as one span.
    @discardableResult
    public func span<T>(lane: String, label: String, isolation: isolated (any Actor)? = #isolation,
                        _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { record(lane: lane, label: label, from: start, to: .now) }
        return try await body()
    }

    var record: TimelineRecord {
        TimelineRecord(name: name, title: title, spans: spans.withLock { $0 }.sorted { ($0.start, $0.lane) < ($1.start, $1.lane) })
    }
}

extension Duration {
    /// This duration in seconds, as a `Double`.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
