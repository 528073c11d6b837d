import Foundation
import Notebook

/// Runs chapter executables under a watchdog and keeps each chapter's last good run in
/// `.book/runs/<slug>/`. A run that fails, crashes, hangs or leaks never replaces it.
public struct ChapterRunner: Sendable {
    public let repository: Repository
    /// Where `swift build` put the chapter executables (e.g. `.build/release`).
    public let buildDirectory: URL
    public let swiftVersion: String
    public let defaultBudget: Double
    /// Where last good runs are kept: `.book/runs/` unless told otherwise (tests keep
    /// their runs apart from the book's).
    public let runsFolder: URL

    /// The time one cell may take; `nil`: half the chapter's budget, at least 20 s (the
    /// whole budget under ThreadSanitizer).
    public let cellBudget: Double?
    /// What a cell may write to its stdout or its stderr, in bytes: the chapter cannot
    /// write past it (the file-size limit, inherited by every process it starts), and a
    /// cell that reaches it is stopped.
    public let outputCap: Int

    public init(repository: Repository, buildDirectory: URL, swiftVersion: String, defaultBudget: Double = 60,
                runsFolder: URL? = nil, cellBudget: Double? = nil, outputCap: Int = 64 << 20) {
        self.repository = repository
        self.cellBudget = cellBudget
        self.outputCap = outputCap
        self.buildDirectory = buildDirectory
        self.swiftVersion = swiftVersion
        self.defaultBudget = defaultBudget
        self.runsFolder = runsFolder ?? repository.root.appendingPathComponent(".book/runs")
    }

    func executable(_ chapter: Chapter) -> URL { buildDirectory.appendingPathComponent(chapter.productName) }

    /// The last good run of `chapter`, if there is one.
    public func lastGoodRun(_ chapter: Chapter) -> ChapterRecord? {
        let url = runsFolder.appendingPathComponent("\(chapter.slug)/results.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(ChapterRecord.self, from: data)
    }

    /// True when the last good run came from exactly this executable.
    public func isUpToDate(_ chapter: Chapter) -> Bool {
        guard lastGoodRun(chapter) != nil,
              let recorded = try? String(contentsOf: runsFolder.appendingPathComponent("\(chapter.slug)/fingerprint"), encoding: .utf8),
              let current = Fingerprint.of(fileAt: executable(chapter).path) else { return false }
        return recorded == current
    }

    /// Runs `chapter` once. With `echo`, its terminal output goes to the builder's
    /// terminal; otherwise to a log whose tail is shown if the run fails.
    public func run(_ chapter: Chapter, echo: Bool) throws -> ChapterRecord {
        let exe = executable(chapter)
        guard let fingerprint = Fingerprint.of(fileAt: exe.path) else {
            throw BookError("\(repository.relative(exe)) does not exist: build it first (swift build --product \(chapter.productName))")
        }
        let budget = try Prose.frontMatter(of: chapter).budget ?? defaultBudget
        // Under ThreadSanitizer (`make tsan` runs the chapters from the sanitized test
        // process, built with the same flags) a cell can be many times slower: only the
        // chapter's budget applies then.
        let cellBudget = min(budget, self.cellBudget ?? (Notebook.isThreadSanitized ? budget : max(20, budget / 2)))
        let work = runsFolder.appendingPathComponent("\(chapter.slug).running-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let sweep = ProcessSweep()
        // Interrupted (Ctrl-C) while the chapter runs: its group is killed by
        // `Interruption`; what it started elsewhere, and its folder, go here.
        let cleanup = Interruption.onInterrupt {
            sweep.killSurvivors()
            try? FileManager.default.removeItem(at: work)
        }
        defer { Interruption.done(cleanup) }
        let shmBefore = SharedMemorySnapshot()
        var environment = ProcessInfo.processInfo.environment
        environment["NOTEBOOK_RESULTS"] = work.path
        environment["NOTEBOOK_SWIFT_VERSION"] = swiftVersion
        environment["NOTEBOOK_OUTPUT_CAP"] = String(outputCap)
        environment["NOTEBOOK_BUILDER_PID"] = String(getpid())  // the chapter dies with it (Linux)
        environment[ProcessSweep.variable] = sweep.value
        let log = work.appendingPathComponent("terminal.log").path
        let child = try ChildProcess(executable: exe.path, arguments: [], environment: environment,
                                     output: echo ? .inherit : .file(log))
        sweep.track(root: child.pid)
        let watch = CellWatch(folder: work, cellBudget: cellBudget, outputCap: outputCap)
        // Every process of the run, seen while it ran: shared-memory segments are told
        // apart from other programs' by the creating process's pid in their names.
        var runProcesses: Set<pid_t> = [child.pid]
        var segmentsHeld: Set<String> = []
        var hangReport = ""
        let ending = child.wait(timeout: budget) {
            let cell = watch.currentCell
            let alive = [child.pid] + sweep.survivors(cell: cell).map(\.pid)
            runProcesses.formUnion(alive)
            segmentsHeld.formUnion(SharedMemorySnapshot.heldSegments(by: alive))
            return watch.shouldStop()
        } beforeKilling: {
            // A hang, not a flood: show where the threads wait before they are gone.
            if !watch.isFlooding { hangReport = HangReport.threads(of: child.pid, executable: exe) }
        }
        let cell = watch.currentCell
        let stoppedEarly = ending == .timedOut || ending == .stopped
        let leftRunning = stoppedEarly ? sweep.killSurvivors(cell: cell) : sweep.killSurvivors(after: .seconds(2), cell: cell)
        runProcesses.formUnion(leftRunning.map(\.pid))
        let leftSegments = SharedMemorySnapshot().added(since: shmBefore, namingAnyOf: runProcesses, heldByTheRun: segmentsHeld)

        let record = (FileManager.default.contents(atPath: work.appendingPathComponent("results.json").path))
            .flatMap { try? JSONDecoder().decode(ChapterRecord.self, from: $0) }
        // Whatever the failure, show what the cell printed: the head of its stderr (a crash
        // report starts with the reason, "Fatal error: ..."), the tail of its stdout (the
        // last thing it did before it hung), and the tail of the chapter's terminal.
        let context = hangReport + CellWatch.excerpts(folder: work, cell: cell)
            + (echo ? "" : Self.excerpt(of: log, heading: "the last lines of its terminal output", fromEnd: true))
        let killedToo = leftRunning.isEmpty ? "" : " (with \(leftRunning.count) process(es) it started: \(ProcessSweep.describe(leftRunning)))"

        switch ending {
        case .timedOut:
            throw BookError("chapter \(chapter.slug) exceeded its time budget of \(Format.number(budget, digits: 0)) s in cell '\(cell)' and was killed"
                            + killedToo + context)
        case .stopped:
            throw BookError("chapter \(chapter.slug) was stopped in cell '\(cell)': \(watch.stopReason ?? "it had to be stopped")" + killedToo + context)
        case .signalled(let signal):
            throw BookError("chapter \(chapter.slug) crashed with \(ChildProcess.signalName(signal)) in cell '\(cell)'" + context)
        case .exited(let status) where status != 0:
            if let failure = record?.failure {
                throw BookError("chapter \(chapter.slug) failed in cell '\(failure.cell)': \(failure.message)"
                                + CellWatch.excerpts(folder: work, cell: failure.cell))
            }
            throw BookError("chapter \(chapter.slug) exited with status \(status) in cell '\(cell)'" + context)
        case .exited:
            break
        }
        guard let record else {
            throw BookError("chapter \(chapter.slug) ended without writing its results: does main.swift call notebook.finish()?" + context)
        }
        // Report every kind of leak at once: a student fixes both in one go.
        var leaks: [String] = []
        if !leftRunning.isEmpty {
            leaks.append("left \(leftRunning.count) process(es) still running 2 s after it ended (now killed): every child must be waited for\n  "
                         + ProcessSweep.describe(leftRunning))
        }
        // A segment named after one of the run's processes, or held by one while it ran, is
        // the run's for certain and is removed. One that only appeared while the chapter ran
        // and that nobody holds is most likely the run's, but another program may have made
        // it: it is reported and left in place, never deleted on a guess.
        let tied = leftSegments.filter { name in
            segmentsHeld.contains(name) || runProcesses.contains { name.contains("-\($0)-") || name.hasSuffix("-\($0)") }
        }
        let untied = leftSegments.filter { !tied.contains($0) }
        if !tied.isEmpty {
            tied.forEach { try? FileManager.default.removeItem(atPath: "/dev/shm/\($0)") }
            leaks.append("left shared-memory segments behind (now removed): \(tied.joined(separator: ", "))"
                         + " (every segment must be shm_unlink'ed; the last cell was '\(cell)')")
        }
        if !untied.isEmpty {
            leaks.append("left shared-memory segments behind (left in place: they appeared while it ran and no process holds them, "
                         + "but nothing ties them to this run for certain; remove each with `rm /dev/shm/NAME` if it is the chapter's): "
                         + untied.joined(separator: ", ") + " (every segment must be shm_unlink'ed; the last cell was '\(cell)')")
        }
        if !leaks.isEmpty {
            throw BookError("chapter \(chapter.slug) " + leaks.joined(separator: "\nand it "))
        }
        try keep(record, fingerprint: fingerprint, for: chapter)
        return record
    }

    /// Makes `record` the chapter's last good run.
    private func keep(_ record: ChapterRecord, fingerprint: String, for chapter: Chapter) throws {
        let staging = runsFolder.appendingPathComponent("\(chapter.slug).new-\(getpid())")
        let final = runsFolder.appendingPathComponent(chapter.slug)
        let old = runsFolder.appendingPathComponent("\(chapter.slug).old-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(record).write(to: staging.appendingPathComponent("results.json"))
        try fingerprint.write(to: staging.appendingPathComponent("fingerprint"), atomically: true, encoding: .utf8)
        try RunHistory.saveSources(of: chapter, into: staging)
        if FileManager.default.fileExists(atPath: final.path) { try FileManager.default.moveItem(at: final, to: old) }
        try FileManager.default.moveItem(at: staging, to: final)
        try? FileManager.default.removeItem(at: old)
    }

    /// The first or last `lines` lines of a file, under a heading, for an error message.
    private static func excerpt(of file: String, heading: String, fromEnd: Bool, lines: Int = 15) -> String {
        guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return "" }
        let text = String(decoding: fromEnd ? data.suffix(16_384) : data.prefix(16_384), as: UTF8.self)
        let all = text.split(separator: "\n", omittingEmptySubsequences: true)
        let shown = fromEnd ? Array(all.suffix(lines)) : Array(all.prefix(lines))
        return "\n--- \(heading) ---\n" + shown.joined(separator: "\n")
    }
}
