import EventLoop
import Foundation
import Notebook
import Processes

/// One C10k run: every connection's answer, and what the server process held meanwhile.
struct C10kRun: Sendable {
    let server: C10kServer
    let connections: Int
    let ok: Int
    let seconds: Double
    /// When the last wave of connections actually started, after the first: the client's
    /// pauses between waves take longer than asked on a busy machine.
    let lastWaveStarted: Double
    /// Each answered connection's time, from its start to its answer, sorted.
    let answerTimes: [Double]
    /// The server's resident memory once it listened, before the first connection.
    let serverBytesBefore: Int?
    let serverPeakBytes: Int?
    /// CPU time the server process used in the run, user and system.
    let serverCPU: Double?
    let serverThreads: Int
    let serverDescriptors: Int
    let serverMaxInFlight: Int
    let serverReport: C10kServer.Report
    /// Handshakes the kernel dropped for a full listen queue during the run (Linux).
    let overflows: Int?
    /// CPU time this process, the client, used in the run.
    let clientCPU: Double?
    let clientThreads: Int
    let clientDescriptors: Int

    /// The run's own ideal: the last wave started at `lastWaveStarted`, and its answers
    /// cannot come before the delay has passed once more.
    var measuredIdeal: Double { lastWaveStarted + Settings.c10kDelay.seconds }

    /// The answer time below which `fraction` of the answers came (nearest rank).
    func answerTime(atFraction fraction: Double) -> Double? {
        guard !answerTimes.isEmpty else { return nil }
        let rank = Int((fraction * Double(answerTimes.count)).rounded(.up))
        return answerTimes[min(max(rank, 1), answerTimes.count) - 1]
    }

    /// Resident memory the connections added to the server, per connection: its peak
    /// minus what it held before the first one (the runtime's and the server's own
    /// baseline).
    var serverBytesPerConnection: Double? {
        guard let before = serverBytesBefore, let peak = serverPeakBytes, ok > 0 else { return nil }
        return Double(peak - before) / Double(ok)
    }
}

// ANCHOR: c10k-client
/// Opens `connections` connections to `server` at once, each asking for a page answered
/// after `Settings.c10kDelay`, on one event loop in this process.
func c10kRun(_ server: C10kServer, connections: Int) async throws -> C10kRun {
    let child = try ChildProcess(role: server.rawValue, streams: .pipes)
    defer { child.stop() }
    let ready = try child.channel!.receive(C10kServer.Ready.self, timeout: .seconds(10))
    let serverSampler = ResourceSampler(pid: child.pid)
    let clientSampler = ResourceSampler(pid: getpid())
    let serverBytesBefore = ProcessResources.of(child.pid).residentBytes
    let path = "/page/0?delay_ms=\(Int(Settings.c10kDelay / .milliseconds(1)))"
    let overflowsBefore = ListenQueueCounter.overflows()
    let cpuBefore = ProcessResources.of(child.pid).cpuSeconds
    let clientCPUBefore = ProcessResources.of().cpuSeconds
    let start = ContinuousClock.now
    let (durations, lastWaveStarted) = try await withEventLoop { loop in
        let client = EventLoopHTTPClient(loop: loop, port: ready.port)
        return try await withThrowingTaskGroup(of: Double?.self) { group in
            var lastWave = start
            // In waves: all at once would overflow the server's listen queue (see below).
            for first in stride(from: 0, to: connections, by: Settings.c10kWave) {
                lastWave = .now
                for _ in first..<min(first + Settings.c10kWave, connections) {
                    group.addTask {
                        let begun = ContinuousClock.now
                        guard (try? await client.get(path, timeout: .seconds(20)).status) == 200 else { return nil }
                        return (ContinuousClock.now - begun).seconds
                    }
                }
                try await loop.sleep(for: Settings.c10kWavePause)
            }
            let times = try await group.reduce(into: [Double]()) { if let seconds = $1 { $0.append(seconds) } }
            return (times, (lastWave - start).seconds)
        }
    }
    // ANCHOR_END: c10k-client
    let seconds = (ContinuousClock.now - start).seconds
    let overflows = ListenQueueCounter.overflows().flatMap { after in overflowsBefore.map { after - $0 } }
    let serverPeaks = serverSampler.stop()
    let clientPeaks = clientSampler.stop()
    try child.channel!.send(C10kServer.Command(report: true))
    let report = try child.channel!.receive(C10kServer.Report.self, timeout: .seconds(10))
    let after = ProcessResources.of(child.pid)
    let clientCPU = ProcessResources.of().cpuSeconds.flatMap { end in clientCPUBefore.map { end - $0 } }
    return C10kRun(server: server, connections: connections, ok: durations.count, seconds: seconds,
                   lastWaveStarted: lastWaveStarted, answerTimes: durations.sorted(),
                   serverBytesBefore: serverBytesBefore, serverPeakBytes: after.peakResidentBytes,
                   serverCPU: after.cpuSeconds.flatMap { end in cpuBefore.map { end - $0 } },
                   serverThreads: serverPeaks.threads, serverDescriptors: serverPeaks.descriptors,
                   serverMaxInFlight: report.maxInFlight, serverReport: report, overflows: overflows,
                   clientCPU: clientCPU, clientThreads: clientPeaks.threads, clientDescriptors: clientPeaks.descriptors)
}

func c10k(_ cell: Cell) async throws {
    // ANCHOR: c10k-limits
    let limitBefore = DescriptorLimit.current
    let limit = DescriptorLimit.raiseToHardLimit()
    // The client holds one descriptor per connection, plus a few of its own.
    let connections = min(Settings.c10kConnections, limit - 200)
    // ANCHOR_END: c10k-limits
    cell.value("c10k-nofile-before", limitBefore.soft)
    cell.value("c10k-nofile-hard", limitBefore.hard)
    cell.value("c10k-nofile", limit)
    cell.value("c10k-connections", connections)
    cell.value("c10k-delay", Settings.c10kDelay.seconds, digits: 0, unit: "s")
    cell.value("c10k-wave", Settings.c10kWave)
    cell.value("c10k-wave-pause", Settings.c10kWavePause.seconds * 1000, digits: 0, unit: "ms")
    cell.value("c10k-waves-span", Settings.c10kSpread, digits: 2, unit: "s")
    cell.value("c10k-backlog", Int(Settings.c10kBacklog))
    cell.value("c10k-somaxconn", text: systemSetting("/proc/sys/net/core/somaxconn") ?? "—")
    cell.value("c10k-ports", text: systemSetting("/proc/sys/net/ipv4/ip_local_port_range")?
        .split(whereSeparator: \.isWhitespace).joined(separator: "–") ?? "—")
    print(limit > limitBefore.soft
          ? "descriptor limit: \(limitBefore.soft) soft / \(limitBefore.hard) hard; soft raised to \(limit)"
          : "descriptor limit: \(limitBefore.soft) soft / \(limitBefore.hard) hard; nothing to raise")
    print("\(connections) connections, each answered after \(Settings.c10kDelay)")

    func megabytes(_ bytes: Int?) -> String { bytes.map { Format.number(Double($0) / 1_048_576, digits: 0) + " MB" } ?? "—" }
    func kilobytes(_ bytes: Double?) -> String { bytes.map { Format.number($0 / 1024, digits: 1) + " KB" } ?? "—" }
    func time(_ seconds: Double?) -> String { seconds.map(Format.duration) ?? "—" }
    var runs: [C10kRun] = []
    for server in C10kServer.allCases {
        let run = try await c10kRun(server, connections: connections)
        print("\(server.name): \(run.ok) of \(run.connections) answered in \(Format.duration(run.seconds)) "
              + "(last wave started after \(Format.duration(run.lastWaveStarted))); "
              + "server resident memory before the first connection: \(megabytes(run.serverBytesBefore)), peak \(megabytes(run.serverPeakBytes))")
        runs.append(run)
    }

    func measured(_ count: Int) -> String { count > 0 ? Format.count(count) : "—" }
    cell.table("c10k-table", "\(Format.count(connections)) connections, held open together, each answered after \(Settings.c10kDelay)",
               header: ["server", "answered", "time (its ideal)", "answer: median / p99 / max", "queue overflows",
                        "at once (peak)", "server CPU", "server memory: before → peak", "per connection",
                        "server threads", "server descriptors", "client threads", "client descriptors"],
               rows: runs.map { run in
                   [run.server.name, Format.count(run.ok),
                    "\(Format.duration(run.seconds)) (\(Format.duration(run.measuredIdeal)))",
                    "\(time(run.answerTime(atFraction: 0.5))) / \(time(run.answerTime(atFraction: 0.99))) / \(time(run.answerTimes.last))",
                    run.overflows.map(Format.count) ?? "—",
                    Format.count(run.serverMaxInFlight), run.serverCPU.map(Format.duration) ?? "—",
                    "\(megabytes(run.serverBytesBefore)) → \(megabytes(run.serverPeakBytes))",
                    kilobytes(run.serverBytesPerConnection),
                    measured(run.serverThreads), measured(run.serverDescriptors),
                    measured(run.clientThreads), measured(run.clientDescriptors)]
               })
    for run in runs {
        let key = "c10k-\(run.server.key)"
        cell.value("\(key)-seconds", run.seconds, digits: 2, unit: "s")
        cell.value("\(key)-ratio", run.seconds / Settings.c10kDelay.seconds)
        cell.value("\(key)-ideal", run.measuredIdeal, digits: 2, unit: "s")
        cell.value("\(key)-last-wave", run.lastWaveStarted, digits: 2, unit: "s")
        cell.value("\(key)-median", text: time(run.answerTime(atFraction: 0.5)))
        cell.value("\(key)-p99", text: time(run.answerTime(atFraction: 0.99)))
        cell.value("\(key)-max", text: time(run.answerTimes.last))
        cell.value("\(key)-memory-before", text: megabytes(run.serverBytesBefore))
        cell.value("\(key)-per-connection", text: kilobytes(run.serverBytesPerConnection))
        cell.value("\(key)-overflows", text: run.overflows.map(Format.count) ?? "—")
        cell.value("\(key)-at-once", run.serverMaxInFlight)
        cell.value("\(key)-memory", text: megabytes(run.serverPeakBytes))
        cell.value("\(key)-cpu", text: run.serverCPU.map(Format.duration) ?? "—")
        cell.value("\(key)-threads", text: measured(run.serverThreads))
        cell.value("\(key)-descriptors", text: measured(run.serverDescriptors))
        cell.value("\(key)-client-threads", text: measured(run.clientThreads))
        cell.value("\(key)-client-cpu", text: run.clientCPU.map(Format.duration) ?? "—")
        cell.check(run.ok == run.connections, "\(run.server.name): \(run.ok) of \(run.connections) answered 200")
    }
    cell.value("c10k-loop-wake-ups", runs[0].serverReport.wakeUps ?? 0)
    cell.value("c10k-loop-ready-per-wake-up", runs[0].serverReport.readyPerWakeUp ?? 0)
    cell.value("c10k-load", text: systemSetting("/proc/loadavg")?.split(separator: " ").first.map(String.init) ?? "—")
    cell.value("c10k-ideal", Settings.c10kDelay.seconds + Settings.c10kSpread, digits: 2, unit: "s")
    cell.value("c10k-raised", text: limit > limitBefore.soft
               ? "and the chapter does, to \(Format.count(limit))"
               : "but here the soft limit is the hard one already, so there was nothing to raise")
    let eventLoop = runs[0]
    // Against the run's own ideal, with a wide margin for a busy machine (a dropped
    // handshake alone costs a second); a server answering one after another would take
    // `connections` seconds.
    cell.check(eventLoop.seconds < eventLoop.measuredIdeal + 2,
               "the event-loop server answered all in \(Format.duration(eventLoop.seconds)), "
               + "within 2 s of its ideal (\(Format.duration(eventLoop.measuredIdeal)))")
    if let median = eventLoop.answerTime(atFraction: 0.5) {
        cell.check(median < 2 * Settings.c10kDelay.seconds,
                   "the event-loop server's median answer came after \(Format.duration(median)) < 2 × the delay")
    }
    cell.check(eventLoop.serverMaxInFlight > connections / 5,
               "the event-loop server held \(eventLoop.serverMaxInFlight) requests at once, more than a fifth of them")
    #if os(Linux)
    cell.check(eventLoop.serverThreads < 20,
               "the event-loop server used \(eventLoop.serverThreads) threads for \(connections) connections")
    #endif
}

/// The first line of a `/proc/sys` file, or `nil` (not Linux).
private func systemSetting(_ path: String) -> String? {
    (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}
