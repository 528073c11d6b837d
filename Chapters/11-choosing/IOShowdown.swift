import Foundation
import Loopback
import Notebook
import Primitives
import Processes

// ANCHOR: fetch-all
/// Fetches every page once with `model` and returns how many came back `200 OK`.
func fetchAll(_ model: IOModel, from server: LoopbackServer, pool: ProcessPool) async throws -> Int {
    let paths = (0..<Settings.pages).map(Settings.pagePath)
    let urls = paths.map(server.url)
    switch model {
    case .sequential:
        let fetcher = PageFetcher(maximumConnections: 1)
        return try await onOwnThread { urls.count { (try? fetcher.get($0)) == 200 } }

    case .threadPool:
        let fetcher = PageFetcher(maximumConnections: model.concurrency)
        return try await onOwnThread {
            try withThreadPool(workers: model.concurrency) { pool in
                try pool.map(urls) { (try? fetcher.get($0)) ?? 0 }.count { $0 == 200 }
            }
        }

    case .tasksAllAtOnce:
        // The session may open a connection per page: no limit but the server's.
        let client = LoopbackClient(server: server, maximumConnections: Settings.pages)
        defer { client.invalidate() }
        return await withTaskGroup(of: Int.self) { group in
            for path in paths {
                group.addTask { (try? await client.get(path).status) ?? 0 }
            }
            return await group.reduce(0) { $0 + ($1 == 200 ? 1 : 0) }
        }

    case .tasksWithSemaphore:
        // The same, but at most `concurrency` pages in flight: the limit is the semaphore's.
        let client = LoopbackClient(server: server, maximumConnections: Settings.pages)
        defer { client.invalidate() }
        let limit = AsyncSemaphore(permits: model.concurrency)
        return await withTaskGroup(of: Int.self) { group in
            for path in paths {
                group.addTask { (try? await limit.withPermit { try await client.get(path).status }) ?? 0 }
            }
            return await group.reduce(0) { $0 + ($1 == 200 ? 1 : 0) }
        }

    case .processPool:
        return try await onOwnThread {
            pool.map(urls.map(\.absoluteString), as: Int.self).count { (try? $0.get()) == 200 }
        }
    }
}
// ANCHOR_END: fetch-all

// ANCHOR: io-showdown
func ioShowdown(_ cell: Cell) async throws {
    let server = LoopbackServer()
    try server.start()
    defer { server.stop() }
    print("server: \(server.url("/"))")

    // The process pool starts before the clock does; its start-up is reported apart.
    let poolStart = ContinuousClock.now
    let pool = try ProcessPool(workers: Settings.processes, role: ShowdownRole.pageFetcher)
    defer { pool.shutdown() }
    let warmUp = Array(repeating: server.url("/page/0").absoluteString, count: Settings.processes)
    _ = try await onOwnThread { pool.map(warmUp, as: Int.self) }
    let poolStartup = (ContinuousClock.now - poolStart).seconds

    var swiftRuns: [IOModel: FetchRun] = [:]
    for model in IOModel.allCases {
        server.resetStatistics()
        let start = ContinuousClock.now
        let ok = try await fetchAll(model, from: server, pool: pool)
        let seconds = (ContinuousClock.now - start).seconds
        swiftRuns[model] = FetchRun(seconds: seconds, pagesOK: ok, peakInFlight: server.statistics.maxInFlight)
    }

    var pythonRuns: [IOModel: FetchRun] = [:]
    if let interpreter = pythonInterpreter {
        for model in IOModel.allCases {
            server.resetStatistics()
            let arguments = ["io", "http://127.0.0.1:\(server.port)", "\(Settings.pages)",
                             "\(Int(Settings.delaySeconds * 1000))", model.pythonArgument, "\(model.concurrency)"]
            let result = try await onOwnThread { try interpreter.showdown(arguments, as: PythonResult.self) }
            guard let line = result.first else { continue }
            pythonRuns[model] = FetchRun(seconds: line.seconds, pagesOK: line.ok ?? 0,
                                     peakInFlight: server.statistics.maxInFlight)
        }
    }
    // ANCHOR_END: io-showdown

    report(swift: swiftRuns, python: pythonRuns, poolStartup: poolStartup, on: cell)
}

/// The table, the chart, the values for the prose, the targets and the checks.
private func report(swift: [IOModel: FetchRun], python: [IOModel: FetchRun], poolStartup: Double, on cell: Cell) {
    let models = IOModel.allCases
    let pythonRan = pythonInterpreter != nil
    func time(_ run: FetchRun?) -> String { run.map { Format.duration($0.seconds) } ?? "—" }
    func ratio(_ run: FetchRun?, _ model: IOModel) -> String { run.map { Format.number($0.seconds / model.ideal) + "×" } ?? "—" }
    func peak(_ run: FetchRun?) -> String { run.map { String($0.peakInFlight) } ?? "—" }

    // Without python3 the Python columns are left out.
    cell.table("io-results", "Fetching \(Settings.pages) pages that each take \(Format.duration(Settings.delaySeconds)) to answer",
               header: [pythonRan ? "model (Swift / Python)" : "model", "limit", "ideal", "Swift", "× ideal", "peak"]
                   + (pythonRan ? ["Python", "× ideal", "peak"] : []),
               rows: models.map { model in
                   [pythonRan ? "\(model.swiftName) / \(model.pythonName)" : model.swiftName,
                    "\(model.concurrency)", Format.duration(model.ideal),
                    time(swift[model]), ratio(swift[model], model), peak(swift[model])]
                       + (pythonRan ? [time(python[model]), ratio(python[model], model), peak(python[model])] : [])
               })
    cell.barChart("io-chart", "Time to fetch \(Settings.pages) pages, beside the physical limit", unit: "s",
                  models.flatMap { model -> [Bar] in
                      [Bar("Swift: \(model.swiftName)", swift[model]!.seconds, ideal: model.ideal)]
                          + (python[model].map { [Bar("Python: \(model.pythonName)", $0.seconds, ideal: model.ideal)] } ?? [])
                  })

    for model in models {
        let run = swift[model]!
        cell.value("io-\(model.key)-seconds", run.seconds, digits: 3, unit: "s")
        cell.value("io-\(model.key)-ideal", model.ideal, digits: 2, unit: "s")
        cell.value("io-\(model.key)-ratio", run.seconds / model.ideal)
        cell.value("io-\(model.key)-peak", run.peakInFlight)
        if let run = python[model] {
            cell.value("py-io-\(model.key)-seconds", run.seconds, digits: 3, unit: "s")
            cell.value("py-io-\(model.key)-ratio", text: Format.number(run.seconds / model.ideal) + "×")
            cell.value("py-io-\(model.key)-peak", run.peakInFlight)
        } else {
            for name in ["seconds", "ratio", "peak"] { cell.value("py-io-\(model.key)-\(name)", text: "—") }
        }
    }
    cell.value("pool-startup", poolStartup * 1000, digits: 0, unit: "ms")

    // The issue's targets: reported, met or not, never asserted.
    for model in [IOModel.threadPool, .tasksAllAtOnce, .tasksWithSemaphore] {
        let limit = 1.1 * model.ideal + 0.020
        let seconds = swift[model]!.seconds
        cell.value("io-\(model.key)-target", text: seconds <= limit
                   ? "met, \(Format.duration(seconds)) ≤ \(Format.duration(limit))"
                   : "missed, \(Format.duration(seconds)) > \(Format.duration(limit))")
    }

    let sequential = swift[.sequential]!.seconds
    for model in models {
        cell.check(swift[model]!.pagesOK == Settings.pages,
                   "Swift, \(model.swiftName): \(swift[model]!.pagesOK) of \(Settings.pages) pages answered 200")
    }
    cell.check(swift[.tasksAllAtOnce]!.seconds < 0.5 * sequential,
               "async tasks, all at once, take less than half of one by one (\(Format.duration(swift[.tasksAllAtOnce]!.seconds)) vs \(Format.duration(sequential)))")
    cell.check(swift[.threadPool]!.seconds < 0.5 * sequential,
               "the thread pool takes less than half of one by one (\(Format.duration(swift[.threadPool]!.seconds)) vs \(Format.duration(sequential)))")
    if pythonRan {
        for model in models {
            cell.check(python[model]?.pagesOK == Settings.pages,
                       "Python, \(model.pythonName): \(python[model]?.pagesOK ?? 0) of \(Settings.pages) pages answered 200")
        }
    }
}
