import EventLoop
import Foundation
import Loopback
import Notebook
import Primitives
import Processes

/// The async models' one call: the status of `GET path`, with either client.
typealias AsyncGet = @Sendable (String) async throws -> Int

// ANCHOR: fetch-all
/// Fetches every page once with `model` and returns how many came back `200 OK`.
/// The blocking models fetch with URLSession (`PageFetcher`); the async ones with `get`.
func fetchAll(_ model: IOModel, from server: LoopbackServer, pool: ProcessPool, get: @escaping AsyncGet) async throws -> Int {
    let paths = (0..<Settings.pages).map(Settings.pagePath)
    let urls = paths.map(server.url)
    switch model {
    case .sequential:
        let fetcher = PageFetcher(maximumConnections: 1)
        return await onOwnThread { urls.count { (try? fetcher.get($0)) == 200 } }

    case .threadPool:
        let fetcher = PageFetcher(maximumConnections: model.concurrency)
        return try await onOwnThread {
            try withThreadPool(workers: model.concurrency) { pool in
                try pool.map(urls) { (try? fetcher.get($0)) ?? 0 }.count { $0 == 200 }
            }
        }

    case .tasksAllAtOnce:
        return await withTaskGroup(of: Int.self) { group in
            for path in paths {
                group.addTask { (try? await get(path)) ?? 0 }
            }
            return await group.reduce(0) { $0 + ($1 == 200 ? 1 : 0) }
        }

    case .tasksWithSemaphore:
        // The same, but at most `concurrency` pages in flight: the limit is the semaphore's.
        let limit = AsyncSemaphore(permits: model.concurrency)
        return await withTaskGroup(of: Int.self) { group in
            for path in paths {
                group.addTask { (try? await limit.withPermit { try await get(path) }) ?? 0 }
            }
            return await group.reduce(0) { $0 + ($1 == 200 ? 1 : 0) }
        }

    case .processPool:
        return await onOwnThread {
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
    _ = await onOwnThread { pool.map(warmUp, as: Int.self) }
    let poolStartup = (ContinuousClock.now - poolStart).seconds

    // The session may open a connection per page: no limit but the server's.
    let session = LoopbackClient(server: server, maximumConnections: Settings.pages)
    defer { session.invalidate() }
    var runs: [IORow: [FetchRun]] = [:]
    try await withEventLoop { loop in
        let eventLoopClient = EventLoopHTTPClient(loop: loop, port: server.port)
        let clients: [IOClient: AsyncGet] = [
            .urlSession: { try await session.get($0).status },
            .eventLoop: { try await eventLoopClient.get($0).status },
        ]
        // Every row once per round, taking turns, so that a disturbance of the machine
        // spreads over all rows instead of spoiling one.
        for _ in 1...Settings.ioRounds {
            for row in IORow.swiftRows {
                server.resetStatistics()
                let start = ContinuousClock.now
                let ok = try await fetchAll(row.model, from: server, pool: pool, get: clients[row.client]!)
                let seconds = (ContinuousClock.now - start).seconds
                runs[row, default: []].append(FetchRun(seconds: seconds, pagesOK: ok, peakInFlight: server.statistics.maxInFlight))
            }
            guard let interpreter = pythonInterpreter else { continue }
            for row in IORow.pythonRows {
                server.resetStatistics()
                let arguments = ["io", "http://127.0.0.1:\(server.port)", "\(Settings.pages)",
                                 "\(Int(Settings.delaySeconds * 1000))", row.model.pythonArgument, "\(row.model.concurrency)"]
                let result = try await onOwnThread { try interpreter.showdown(arguments, as: PythonResult.self) }
                guard let line = result.first else { continue }
                runs[row, default: []].append(FetchRun(seconds: line.seconds, pagesOK: line.ok ?? 0,
                                                       peakInFlight: server.statistics.maxInFlight))
            }
        }
    }
    // ANCHOR_END: io-showdown

    report(runs.mapValues(RowResult.init), poolStartup: poolStartup, on: cell)
}

/// The table, the chart, the values for the prose, the targets and the checks.
private func report(_ results: [IORow: RowResult], poolStartup: Double, on cell: Cell) {
    let rows = IORow.swiftRows + (pythonInterpreter != nil ? IORow.pythonRows : [])
    cell.table("io-results", "Fetching \(Settings.pages) pages that each take \(Format.duration(Settings.delaySeconds)) to answer: "
               + "\(Settings.ioRounds) rounds of each row",
               header: ["language", "model", "client", "limit", "ideal", "median", "× ideal", "fastest – slowest", "peak"],
               rows: rows.map { row in
                   guard let result = results[row] else { return [] }
                   return [row.language == .swift ? "Swift" : "Python", row.modelName, row.client.name,
                           "\(row.model.concurrency)", Format.duration(row.model.ideal),
                           Format.duration(result.median), Format.number(result.median / row.model.ideal) + "×",
                           "\(Format.duration(result.fastest)) – \(Format.duration(result.slowest))", "\(result.peak)"]
               })
    cell.barChart("io-chart", "Median time to fetch \(Settings.pages) pages, beside the physical limit", unit: "s",
                  rows.compactMap { row in
                      results[row].map { Bar("\(row.language == .swift ? "Swift" : "Python"): \(row.modelName), \(row.client.name)",
                                             $0.median, ideal: row.model.ideal) }
                  })

    for row in IORow.swiftRows + IORow.pythonRows {
        cell.value("\(row.key)-ideal", row.model.ideal, digits: 2, unit: "s")
        guard let result = results[row] else {
            for name in ["seconds", "ratio", "spread", "peak"] { cell.value("\(row.key)-\(name)", text: "—") }
            continue
        }
        cell.value("\(row.key)-seconds", result.median, digits: 3, unit: "s")
        cell.value("\(row.key)-ratio", text: Format.number(result.median / row.model.ideal) + "×")
        cell.value("\(row.key)-spread", text: "\(Format.duration(result.fastest)) – \(Format.duration(result.slowest))")
        cell.value("\(row.key)-peak", result.peak)
    }
    cell.value("pool-startup", poolStartup * 1000, digits: 0, unit: "ms")
    cell.value("io-rounds", Settings.ioRounds)

    // The issue's targets: reported, met or not, never asserted. Shown to a tenth of a
    // millisecond, the precision they are compared at.
    func tenths(_ seconds: Double) -> String { Format.number(seconds * 1000, digits: 1) + " ms" }
    let swift = results[IORow(language: .swift, model: .tasksAllAtOnce, client: .eventLoop)]!
    let limit = 1.1 * IOModel.tasksAllAtOnce.ideal
    cell.value("io-target-ideal", text: swift.median <= limit
               ? "met, \(tenths(swift.median)) ≤ \(tenths(limit))"
               : "missed, \(tenths(swift.median)) > \(tenths(limit))")
    let python = results[IORow(language: .python, model: .tasksAllAtOnce, client: .asyncioStreams)]
    cell.value("io-target-python", text: python.map { python in
        let medians = swift.median < python.median
            ? "met by the medians, \(tenths(swift.median)) < \(tenths(python.median))"
            : "missed, \(tenths(swift.median)) ≥ \(tenths(python.median))"
        // Rounds that overlap mean the order of the medians could change with the next run.
        let overlap = swift.fastest <= python.slowest && python.fastest <= swift.slowest
        return medians + (overlap
            ? ", but the rounds overlap (\(tenths(swift.fastest)) – \(tenths(swift.slowest)) against "
              + "\(tenths(python.fastest)) – \(tenths(python.slowest))): no clear lead either way"
            : ", and the rounds do not overlap")
    } ?? "not measured (no python3)")

    for row in rows {
        let result = results[row]
        cell.check(result?.everyPageArrived == true,
                   "\(row.language == .swift ? "Swift" : "Python"), \(row.modelName), \(row.client.name): "
                   + "pages answered 200 in each round: \(result?.pagesOK ?? []) of \(Settings.pages)")
    }
    let sequential = results[IORow.swiftRows[0]]!.median
    for row in IORow.swiftRows where row.model == .threadPool || row.model == .tasksAllAtOnce {
        let median = results[row]!.median
        cell.check(median < 0.5 * sequential,
                   "\(row.modelName), \(row.client.name): median \(Format.duration(median)) < half of one by one (\(Format.duration(sequential)))")
    }
}
