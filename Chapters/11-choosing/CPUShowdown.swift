import Foundation
import Notebook
import Primitives
import Processes

struct PoolJobFailed: Error, CustomStringConvertible {
    let failure: JobFailure
    var description: String { "a process-pool job failed: \(failure)" }
}

// ANCHOR: count-all
/// Counts the primes of every chunk with `model`.
func countAll(_ chunks: [Range<Int>], with model: CPUModel, pool: ProcessPool) async throws -> Int {
    switch model {
    case .sequential:
        return await onOwnThread { chunks.map(Primes.count).reduce(0, +) }

    case .threads:
        return try await onOwnThread {
            try withThreadPool(workers: model.workers) { pool in
                try pool.map(chunks, Primes.count).reduce(0, +)
            }
        }

    case .processPool:
        return try await onOwnThread {
            try pool.map(chunks, as: Int.self).reduce(0) { total, result in
                try total + result.mapError(PoolJobFailed.init).get()
            }
        }

    case .taskGroup:
        // Child tasks run on the cooperative pool: one thread per core.
        return await withTaskGroup(of: Int.self) { group in
            for chunk in chunks {
                group.addTask { Primes.count(in: chunk) }
            }
            return await group.reduce(0, +)
        }

    case .concurrentPerform:
        // Dispatch runs the iterations on one thread per core and returns when all are done.
        return await onOwnThread {
            let tally = Tally()
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                tally.add(Primes.count(in: chunks[index]))
            }
            return tally.value
        }
    }
}
// ANCHOR_END: count-all

/// The best time of each model over a few rounds, and what it counted.
struct CPURun: Sendable {
    var seconds: Double
    var primes: Int
    /// CPU time of this process over wall time; `nil` when the work ran in other
    /// processes or the system does not report it.
    var busyCores: Double?
    /// The cores other programs kept busy meanwhile (`nil` where unknown). This
    /// process's own children (the process pool's workers) are not "other programs".
    var busyElsewhere: Double? = nil
}

// ANCHOR: cpu-showdown
func cpuShowdown(_ cell: Cell) async throws {
    let chunks = Primes.split(below: Settings.primeLimit, into: Settings.primeChunks)
    let pool = try ProcessPool(workers: Settings.cpuWorkers, role: ShowdownRole.primeCounter)
    defer { pool.shutdown() }
    let warmUp = Array(repeating: 0..<10, count: Settings.cpuWorkers)
    _ = await onOwnThread { pool.map(warmUp, as: Int.self) }      // every worker up and running

    // Other programs share the machine. The models take turns, round after round, and
    // each keeps its best time: the round they disturbed least.
    var swiftRuns: [CPUModel: CPURun] = [:]
    for _ in 1...Settings.cpuRounds {
        for model in CPUModel.allCases {
            let before = CPUSnapshot.now(), start = ContinuousClock.now
            let primes = try await countAll(chunks, with: model, pool: pool)
            let seconds = (ContinuousClock.now - start).seconds
            var run = CPURun(seconds: seconds, primes: primes, busyCores: nil)
            if let before, let after = CPUSnapshot.now() {
                run.busyCores = model == .processPool ? nil : (after.processSeconds - before.processSeconds) / seconds
                run.busyElsewhere = after.coresBusyElsewhere(since: before)
            }
            if seconds < swiftRuns[model]?.seconds ?? .infinity { swiftRuns[model] = run }
        }
    }

    var pythonRuns: [CPUModel: CPURun] = [:]
    var pythonHasGIL: Bool?
    if let interpreter = pythonInterpreter {
        let arguments = ["cpu", "\(Settings.pythonPrimeLimit)", "\(Settings.primeChunks)",
                         "\(Settings.cpuWorkers)", "\(Settings.cpuRounds)"]
        for line in try await onOwnThread({ try interpreter.showdown(arguments, as: PythonResult.self) }) {
            guard let model = CPUModel.allCases.first(where: { $0.pythonModel == line.model }) else { continue }
            pythonRuns[model] = CPURun(seconds: line.seconds, primes: line.primes ?? 0, busyCores: line.busy_cores)
            pythonHasGIL = line.gil
        }
    }
    // ANCHOR_END: cpu-showdown

    report(swift: swiftRuns, python: pythonRuns, pythonHasGIL: pythonHasGIL, on: cell)
}

private func report(swift: [CPUModel: CPURun], python: [CPUModel: CPURun], pythonHasGIL: Bool?, on cell: Cell) {
    let models = CPUModel.allCases
    let pythonRan = pythonInterpreter != nil
    let swiftSequential = swift[.sequential]!.seconds
    let pythonSequential = python[.sequential]?.seconds
    func speedup(_ model: CPUModel) -> Double { swiftSequential / swift[model]!.seconds }
    func busy(_ run: CPURun?) -> String { run?.busyCores.map { Format.number($0) } ?? "—" }
    func pythonSpeedup(_ model: CPUModel) -> Double? {
        guard let base = pythonSequential, let run = python[model] else { return nil }
        return base / run.seconds
    }

    let limits = "Swift below \(Format.count(Settings.primeLimit))"
        + (pythonRan ? ", Python below \(Format.count(Settings.pythonPrimeLimit))" : "")
    cell.table("cpu-results", "Counting primes: \(limits), in \(Settings.primeChunks) chunks",
               header: [pythonRan ? "model (Swift / Python)" : "model", "workers", "ideal speedup", "Swift", "speedup",
                        "cores busy"] + (pythonRan ? ["Python", "speedup", "cores busy"] : []),
               rows: models.map { model in
                   [pythonRan ? "\(model.swiftName) / \(model.pythonName)" : model.swiftName,
                    "\(model.workers)", "\(model.idealSpeedup)×",
                    Format.duration(swift[model]!.seconds), Format.number(speedup(model)) + "×", busy(swift[model])]
                       + (pythonRan ? [python[model].map { Format.duration($0.seconds) } ?? "—",
                                       pythonSpeedup(model).map { Format.number($0) + "×" } ?? "—",
                                       busy(python[model])] : [])
               })
    cell.barChart("cpu-chart", "Speedup over one by one, beside the physical limit (\(Settings.cores) cores)", unit: "×",
                  models.flatMap { model -> [Bar] in
                      [Bar("Swift: \(model.swiftName)", speedup(model), ideal: Double(model.idealSpeedup))]
                          + (pythonSpeedup(model).map { [Bar("Python: \(model.pythonName)", $0, ideal: Double(model.idealSpeedup))] } ?? [])
                  })

    for model in models {
        cell.value("cpu-\(model.key)-seconds", swift[model]!.seconds, digits: 3, unit: "s")
        cell.value("cpu-\(model.key)-speedup", speedup(model))
        cell.value("cpu-\(model.key)-ideal", model.idealSpeedup)
        if let busy = swift[model]!.busyCores { cell.value("cpu-\(model.key)-busy", busy) }
        if model.pythonModel != nil {
            if let run = python[model], let gain = pythonSpeedup(model) {
                cell.value("py-cpu-\(model.key)-seconds", run.seconds, digits: 3, unit: "s")
                cell.value("py-cpu-\(model.key)-speedup", text: Format.number(gain) + "×")
                cell.value("py-cpu-\(model.key)-busy", text: busy(run))
            } else {
                for name in ["seconds", "speedup", "busy"] { cell.value("py-cpu-\(model.key)-\(name)", text: "—") }
            }
        }
    }
    cell.value("primes-found", swift[.sequential]!.primes)
    let gil = switch pythonHasGIL {
    case true?: "with its global interpreter lock"
    case false?: "without a global interpreter lock (a free-threaded build)"
    case nil: "not run"
    }
    cell.value("python-gil", text: gil)

    // The targets: reported, met or not, never asserted.
    for model in [CPUModel.threads, .taskGroup] {
        let floor = 0.9 * Double(model.idealSpeedup)
        cell.value("cpu-\(model.key)-target", text: speedup(model) >= floor
                   ? "met, \(Format.number(speedup(model)))× ≥ \(Format.number(floor))×"
                   : "missed, \(Format.number(speedup(model)))× < \(Format.number(floor))×")
    }

    let counts = Set(models.map { swift[$0]!.primes })
    cell.check(counts.count == 1, "every Swift model found the same number of primes (\(counts.sorted()))")
    // The speedup of the threads is checked only when, during their best round, other
    // programs left them at least one and a half cores (measured from /proc/stat).
    let freeCores = swift[.threads]!.busyElsewhere.map { CPUSnapshot.coresLeft(of: Settings.cores, busyElsewhere: $0) }
    let enoughFree = (freeCores ?? 0) >= 1.5 && !Notebook.isThreadSanitized
    cell.value("cpu-threads-elsewhere", text: swift[.threads]!.busyElsewhere.map { Format.number($0) } ?? "—")
    cell.value("cpu-checked", text: Settings.cores == 1 ? "no: this machine has one core"
               : freeCores == nil ? "no: this system does not report how busy other programs keep it"
               : Notebook.isThreadSanitized ? "no: this build runs under ThreadSanitizer, which slows threads far more than one"
               : enoughFree ? "yes (\(Format.number(freeCores!)) cores were free), and it passed"
               : "no: only \(Format.number(freeCores!)) of \(Settings.cores) cores were free")
    let checked = Settings.cores > 1 && enoughFree
    if checked {
        cell.check(speedup(.threads) > 1.3,
                   "with \(Settings.cores) cores, Swift threads beat one by one by more than 1.3× (\(Format.number(speedup(.threads)))×)")
    }
    // The prose may claim the difference between the languages only when this run
    // measured it: with the check made, and Python's threads measured beside Swift's.
    let pythonThreads = python[.threads]?.busyCores
    cell.value("cpu-verdict", text: checked && pythonThreads != nil && pythonHasGIL == true
        ? "This run shows the difference between the two languages: with cores to spare, Swift's threads "
          + "kept \(Format.number(swift[.threads]!.busyCores ?? 0)) cores busy and CPython's threads "
          + "\(Format.number(pythonThreads!))."
        : "This run could not show the difference between the two languages: "
          + (checked ? (pythonHasGIL == false ? "its Python is a free-threaded build, without the lock."
                                              : "no Python ran beside it.")
                     : "the machine did not leave the threads enough free cores "
                       + "(see the check below), so its speedups say more about the other programs than about the languages.")
          + " What a machine with cores to spare shows is this.")
    if pythonRan {
        let expected = Primes.count(in: 0..<Settings.pythonPrimeLimit)
        for model in models where model.pythonModel != nil {
            cell.check(python[model]?.primes == expected,
                       "Python, \(model.pythonName), ran and found \(python[model]?.primes ?? 0) primes (Swift: \(expected))")
        }
    }
}
