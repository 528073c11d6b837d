import Foundation
import Loopback
import Notebook
import Primitives

/// One request of the capstone: what should become of it, and how long it holds a slot
/// when nothing is late (the server's delays plus the backoff waits).
struct PlannedRequest {
    let path: String
    let expected: DownloadReport.Outcome
    let expectedAttempts: Int
    let milliseconds: Int
}

// ANCHOR: capstone-plan
let capstoneRetry = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(40))  // waits 40, then 80 ms
let capstoneDownloader = Downloader(maxConcurrent: 3, timeout: .milliseconds(400), retry: capstoneRetry)

/// Eight ordinary pages, three flaky ones (the server fails the first 1, 2 and 5 attempts
/// on purpose) and one that answers only after 10 s.
let capstonePlan: [PlannedRequest] = {
    func page(_ number: Int) -> PlannedRequest {
        PlannedRequest(path: "/page/\(number)?delay_ms=50", expected: .succeeded(status: 200), expectedAttempts: 1, milliseconds: 50)
    }
    return [
        page(1),
        PlannedRequest(path: "/slow/1", expected: .timedOut, expectedAttempts: 1, milliseconds: 400),  // the time limit
        PlannedRequest(path: "/flaky/alpha?fail_first=1&delay_ms=30", expected: .succeeded(status: 200),
                       expectedAttempts: 2, milliseconds: 30 + 40 + 30),
        page(2), page(3),
        PlannedRequest(path: "/flaky/beta?fail_first=2&delay_ms=30", expected: .succeeded(status: 200),
                       expectedAttempts: 3, milliseconds: 30 + 40 + 30 + 80 + 30),
        page(4), page(5),
        PlannedRequest(path: "/flaky/gamma?fail_first=5&delay_ms=30", expected: .failed(status: 503),
                       expectedAttempts: 3, milliseconds: 30 + 40 + 30 + 80 + 30),
        page(6), page(7), page(8),
    ]
}()
// ANCHOR_END: capstone-plan

/// `/flaky/beta?fail_first=2&delay_ms=30` -> `flaky/beta`, for lanes and tables.
func shortName(_ path: String) -> String {
    String(path.dropFirst().prefix { $0 != "?" })
}

extension DownloadReport.AttemptResult {
    var label: String {
        switch self {
        case .status(let status): "\(status)"
        case .timedOut: "timeout"
        case .cancelled: "cancelled"
        case .error: "error"
        }
    }
}

extension DownloadReport.Outcome {
    var label: String {
        switch self {
        case .succeeded(let status): "succeeded (\(status))"
        case .failed(let status): "gave up (\(status))"
        case .timedOut: "timed out"
        case .error(let description): "error: \(description)"
        case .cancelled: "cancelled"
        }
    }
}

/// Draws every step of every request on `timeline`, one lane per request, or per slot
/// (then each label also names its request).
func draw(_ report: DownloadReport, on timeline: Timeline, lanes: [String], namingRequests: Bool = false) {
    for (request, lane) in zip(report.requests, lanes) {
        for step in request.steps {
            var label: String
            switch step.kind {
            case .attempt(_, let result): label = result.label
            case .backoff: label = "wait \(Int(((step.end - step.start).seconds * 1000).rounded())) ms"
            }
            if namingRequests { label = "\(shortName(request.path)): \(label)" }
            timeline.record(lane: lane, label: label, from: step.start, to: step.end)
        }
    }
}

func capstone(_ cell: Cell) async throws {
    let paths = capstonePlan.map(\.path)
    let slotTime = Double(capstonePlan.map(\.milliseconds).reduce(0, +)) / 1000
    let ideal = max(slotTime / Double(capstoneDownloader.maxConcurrent),
                    Double(capstonePlan.map(\.milliseconds).max()!) / 1000)
    let timeline = cell.timeline("capstone-timeline", "The download, one lane per request; each span an attempt or a wait")
    try await withLoopbackServer { server in
        // ANCHOR: capstone-run
        let client = LoopbackClient(server: server, maximumConnections: 32)  // above the downloader's limit
        defer { client.finishAndInvalidate() }  // lets abandoned requests end (see getAbandoningOnCancel)
        let report = await capstoneDownloader.download(paths) { path in try await client.getAbandoningOnCancel(path).status }
        let seen = server.statistics
        // ANCHOR_END: capstone-run
        draw(report, on: timeline, lanes: paths.map(shortName))

        cell.table("capstone-requests", "Every request (rows in input order)",
                   header: ["request", "attempts", "steps", "outcome", "time"],
                   rows: report.requests.map { request in
                       [shortName(request.path), "\(request.attempts)",
                        request.steps.map { step in
                            if case .attempt(_, let result) = step.kind { result.label }
                            else { "wait \(Int(((step.end - step.start).seconds * 1000).rounded())) ms" }
                        }.joined(separator: ", "),
                        request.outcome.label,
                        Format.duration(((request.steps.last?.end ?? report.start) - (request.steps.first?.start ?? report.start)).seconds)]
                   })
        let abandoned = report.attempts(endingWith: .timedOut)
        let answered = report.attempts - abandoned
        cell.table("capstone-summary", "What the downloader reports, beside what the server saw",
                   header: ["", "downloader", "server"],
                   rows: [
                       ["requests sent", "\(report.attempts) attempts", "\(seen.requests) requests"],
                       ["most at once", "\(report.peakActiveRequests) (limit \(capstoneDownloader.maxConcurrent))", "\(seen.maxInFlight)"],
                       ["succeeded", "\(report.succeeded)", ""],
                       ["retries", "\(report.retries)", ""],
                       ["answered 503", "\(report.attempts(endingWith: .status(503)))", ""],
                       ["timed out", "\(report.timedOut)", ""],
                       ["gave up", "\(report.failed)", ""],
                       ["cancelled", "\(report.cancelled)", ""],
                   ])
        print("downloaded \(paths.count) paths in \(Format.duration(report.elapsed.seconds)) (ideal \(seconds: ideal): \(seconds: slotTime) of request time over \(capstoneDownloader.maxConcurrent) slots)")

        cell.value("capstone-requests", paths.count)
        cell.value("capstone-time", report.elapsed.seconds, digits: 2, unit: "s")
        cell.value("capstone-ideal", ideal, digits: 2, unit: "s")
        cell.value("capstone-slot-time", slotTime, digits: 2, unit: "s")
        cell.value("capstone-ratio", report.elapsed.seconds / ideal, digits: 2)
        cell.value("capstone-attempts", report.attempts)
        cell.value("capstone-server-requests", seen.requests)
        cell.value("capstone-retries", report.retries)
        cell.value("capstone-succeeded", report.succeeded)
        cell.value("capstone-peak", report.peakActiveRequests)
        cell.value("capstone-server-peak", seen.maxInFlight)
        cell.value("capstone-abandoned", abandoned)
        for (request, plan) in zip(report.requests, capstonePlan) {
            cell.check(request.outcome == plan.expected && request.attempts == plan.expectedAttempts,
                       "\(shortName(plan.path)): \(request.outcome.label) after \(Format.count(request.attempts, "attempt")), as planned")
        }
        cell.check(report.attempts(endingWith: .status(503)) == 1 + 2 + 3,
                   "the server's planned failures (1 + 2 + 3) each came back as one 503")
        cell.check(report.peakActiveRequests <= capstoneDownloader.maxConcurrent,
                   "the downloader had at most \(capstoneDownloader.maxConcurrent) requests at once (\(report.peakActiveRequests))")
        // A timed-out request frees the downloader's slot, but the server knows nothing of
        // it and keeps working on it: it stays in the server's count.
        cell.check(seen.maxInFlight <= capstoneDownloader.maxConcurrent + abandoned,
                   "the server had at most \(capstoneDownloader.maxConcurrent) + \(abandoned) abandoned requests at once (\(seen.maxInFlight))")
        cell.value("capstone-still-in-server", seen.inFlight)
        cell.check(seen.inFlight >= abandoned,
                   "when the download returned, the server was still working on \(Format.count(seen.inFlight, "request")), \(abandoned == 1 ? "the abandoned one" : "the \(abandoned) abandoned ones") among them")
        cell.check(seen.requests >= answered && seen.requests <= report.attempts,
                   "the server saw every answered attempt and no more than were sent (\(seen.requests) of \(report.attempts))")
        cell.check(report.elapsed.seconds < 0.8 * slotTime,
                   "three slots overlapped: \(seconds: report.elapsed.seconds), well under the \(seconds: slotTime) of request time")
    }
}

/// Lane numbers for the requests of `report`: each request gets the lowest slot that is
/// free when it starts, so the lanes show the window (no more lanes than requests at once).
func slotLanes(for report: DownloadReport) -> [String] {
    var slotFreeAt: [ContinuousClock.Instant] = []
    var lanes = Array(repeating: "not started", count: report.requests.count)
    let order = report.requests.indices.filter { !report.requests[$0].steps.isEmpty }
        .sorted { report.requests[$0].steps[0].start < report.requests[$1].steps[0].start }
    for index in order {
        let steps = report.requests[index].steps
        let slot = slotFreeAt.firstIndex { $0 <= steps[0].start } ?? slotFreeAt.count
        if slot == slotFreeAt.count { slotFreeAt.append(steps.last!.end) } else { slotFreeAt[slot] = steps.last!.end }
        lanes[index] = "slot \(slot + 1)"
    }
    return lanes
}

func cancelDownload(_ cell: Cell) async throws {
    let pages = 30, delay = 50, cancelAfter = Duration.milliseconds(220)
    let downloader = Downloader(maxConcurrent: 3, timeout: .milliseconds(400), retry: capstoneRetry)
    let paths = (1...pages).map { "/page/\($0)?delay_ms=\(delay)" }
    // Created before the download: a timeline measures from its creation.
    let timeline = cell.timeline("cancel-timeline", "Cancelled after \(Int(cancelAfter.seconds * 1000)) ms (lane = slot of the window)")
    try await withLoopbackServer { server in
        let client = LoopbackClient(server: server, maximumConnections: 32)
        defer { client.finishAndInvalidate() }  // lets abandoned requests end (see getAbandoningOnCancel)
        // ANCHOR: cancel-download
        let download = Task { await downloader.download(paths) { path in try await client.getAbandoningOnCancel(path).status } }
        try await Task.sleep(for: cancelAfter)
        let cancelledAt = ContinuousClock.now
        download.cancel()
        let report = await download.value  // a report, not an error: what was done is kept
        let reaction = ContinuousClock.now - cancelledAt
        // ANCHOR_END: cancel-download
        let seen = server.statistics
        let neverStarted = report.requests.count { $0.outcome == .cancelled && $0.attempts == 0 }
        let midAttempt = report.requests.count { $0.outcome == .cancelled && $0.attempts > 0 }
        draw(report, on: timeline, lanes: slotLanes(for: report), namingRequests: true)
        print("cancelled after \(Format.duration(cancelAfter.seconds)); download returned \(Format.duration(reaction.seconds)) later")
        cell.table("cancel-summary", "The cancelled download",
                   header: ["", "count"],
                   rows: [["pages requested", "\(pages)"],
                          ["succeeded before the cancel", "\(report.succeeded)"],
                          ["cancelled in flight", "\(midAttempt)"],
                          ["cancelled before they started", "\(neverStarted)"],
                          ["attempts (downloader)", "\(report.attempts)"],
                          ["requests (server)", "\(seen.requests)"]])
        let rounds = Int(cancelAfter.seconds * 1000) / delay
        cell.value("cancel-after", cancelAfter.seconds * 1000, digits: 0, unit: "ms")
        cell.value("cancel-succeeded", report.succeeded)
        cell.value("cancel-expected", rounds * downloader.maxConcurrent)
        cell.value("cancel-in-flight", midAttempt)
        cell.value("cancel-never-started", neverStarted)
        cell.value("cancel-reaction", reaction.seconds * 1000, digits: 1, unit: "ms")
        cell.check(report.wasCancelled, "the report says the download was cancelled")
        cell.check(report.succeeded > 0 && report.succeeded < pages,
                   "the cancel came partway: \(report.succeeded) of \(pages) pages were done")
        cell.check(report.succeeded + report.cancelled == pages && report.failed + report.timedOut + report.errors == 0,
                   "every page either succeeded or was cancelled; none counted as a failure")
        cell.check(neverStarted > 0, "pages not yet started were never requested (\(neverStarted))")
        cell.check(reaction < .milliseconds(500), "the download returned \(duration: reaction) after the cancel")
        cell.check(seen.requests >= report.succeeded && seen.requests <= report.attempts,
                   "the server saw \(seen.requests) requests: every success, and no more than the attempts sent (\(report.attempts))")
    }
}
