import Foundation
import Loopback
import Notebook
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// ANCHOR: download-all
/// Downloads `pages` pages at once, each answered after `delay`; one timeline lane per page.
/// A child that throws makes the group cancel its siblings, so the requests are made with
/// `getAbandoningOnCancel`: cancelling a plain URLSession request can hang on Linux
/// (swift-corelibs-foundation issue #5412, chapter 08).
func downloadAll(_ pages: Int, delay: Duration, with client: LoopbackClient, on timeline: Timeline) async throws -> Double {
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for page in 1...pages {
            group.addTask {
                let response = try await timeline.span(lane: "page \(page)", label: "GET") {
                    try await client.getAbandoningOnCancel("/page/\(page)?delay_ms=\(Int(delay / .milliseconds(1)))")
                }
                guard response.status == 200 else { throw DownloadFailed(page: page, status: response.status) }
            }
        }
        try await group.waitForAll()
    }
    return secondsSince(start)
}
// ANCHOR_END: download-all

struct DownloadFailed: Error { let page: Int; let status: Int }

func downloads(_ cell: Cell) async throws {
    let pages = 20, delay = Duration.milliseconds(100)
    let defaultLimit = URLSessionConfiguration.default.httpMaximumConnectionsPerHost
    try await withLoopbackServer { server in
        // ANCHOR: downloads
        let sequentialClient = LoopbackClient(server: server, maximumConnections: 1)
        defer { sequentialClient.invalidate() }
        let sequentialStart = ContinuousClock.now
        for page in 1...5 { _ = try await sequentialClient.get("/page/\(page)?delay_ms=100") }
        let sequential = secondsSince(sequentialStart)

        server.resetStatistics()
        let wide = LoopbackClient(server: server, maximumConnections: 100)  // chosen on purpose
        defer { wide.finishAndInvalidate() }  // cancels nothing: abandoned requests end by themselves
        let concurrent = try await downloadAll(pages, delay: delay, with: wide,
                                               on: cell.timeline("downloads-wide", "\(pages) downloads, 100 connections allowed"))
        let wideInFlight = server.statistics.maxInFlight

        server.resetStatistics()
        let narrow = LoopbackClient(server: server, maximumConnections: defaultLimit)  // URLSession's default
        defer { narrow.finishAndInvalidate() }
        let limited = try await downloadAll(pages, delay: delay, with: narrow,
                                            on: cell.timeline("downloads-default", "\(pages) downloads, URLSession's default of \(defaultLimit) connections"))
        let narrowInFlight = server.statistics.maxInFlight
        // ANCHOR_END: downloads

        let batches = (pages + defaultLimit - 1) / defaultLimit
        let limitedIdeal = Double(batches) * delay.seconds
        print("5 pages one after another: \(Format.duration(sequential)) (ideal 0.50 s)")
        print("\(pages) pages, 100 connections: \(Format.duration(concurrent)) (ideal 0.10 s), at most \(wideInFlight) requests in the server at once")
        print("\(pages) pages, \(defaultLimit) connections: \(Format.duration(limited)) (ideal \(batches) x 0.10 s = \(Format.number(limitedIdeal, digits: 2)) s), at most \(narrowInFlight) at once")
        cell.barChart("downloads-chart", "Downloading pages that each take 100 ms", unit: "s", [
            Bar("5 pages, one by one", sequential, ideal: 0.5),
            Bar("\(pages) pages, 100 connections", concurrent, ideal: delay.seconds),
            Bar("\(pages) pages, \(defaultLimit) connections", limited, ideal: limitedIdeal),
        ])
        cell.value("download-pages", pages)
        cell.value("default-connections", defaultLimit)
        cell.value("sequential-download-time", sequential, digits: 2, unit: "s")
        cell.value("wide-download-time", concurrent, digits: 2, unit: "s")
        cell.value("wide-in-flight", wideInFlight)
        cell.value("narrow-download-time", limited, digits: 2, unit: "s")
        cell.value("narrow-ideal", limitedIdeal, digits: 2, unit: "s")
        cell.value("narrow-in-flight", narrowInFlight)
        cell.check(sequential >= 0.5, "one by one, 5 pages took at least 5 x 100 ms (\(seconds: sequential))")
        cell.check(concurrent < 0.5 * Double(pages) * delay.seconds,
                   "\(pages) concurrent downloads took \(seconds: concurrent), under half of \(pages) x 100 ms")
        cell.check(narrowInFlight <= defaultLimit,
                   "with \(defaultLimit) connections the server never saw more than \(defaultLimit) requests at once (\(narrowInFlight))")
        cell.check(limited >= limitedIdeal, "\(defaultLimit) connections need at least \(batches) rounds of 100 ms (\(seconds: limited))")
    }
}
