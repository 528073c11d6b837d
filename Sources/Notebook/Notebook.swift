import Foundation

/// A chapter's program, run as a notebook: a sequence of named cells whose output,
/// checks, measured values and figures are recorded for the book.
///
///     let notebook = Notebook()
///     notebook.cell("five-workers", "Five workers sleep at once", fiveWorkers)
///     notebook.finish()
///
/// Run on its own, it prints readable output in the terminal. Run by the book builder
/// (which sets `NOTEBOOK_RESULTS` to a folder), it also captures each cell's stdout and
/// stderr and writes `results.json` there when the chapter ends.
///
/// Run with the arguments `exercises`, or `exercise N [hint|solution]`, it lists the
/// chapter's exercises or runs one of them (see `NotebookCommand`), and none of the cells.
/// Run with `cell NAME`, it runs only that cell (`make chapter-05 CELL=timeout`), in
/// the terminal; a book run never passes it, so a chapter's page always comes from a
/// full run.
public final class Notebook: Sendable {
    let terminal: Terminal
    private let capture: OutputCapture?
    private let resultsFolder: URL?
    let command: NotebookCommand
    let exercises = ExerciseRegistry()
    private let state: Locked<State>

    private struct State {
        var record: ChapterRecord
        var cellNames: Set<String> = []
    }

    public init(arguments: [String] = CommandLine.arguments,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        let stamp = RunStamp.current(environment: environment)
        let resultsFolder = environment["NOTEBOOK_RESULTS"].map { URL(fileURLWithPath: $0) }
        let command = NotebookCommand(arguments: arguments)
        self.command = command
        self.resultsFolder = resultsFolder
        // An exercise's output goes straight to the terminal: only cells are captured.
        self.capture = command == .runChapter
            ? resultsFolder.map {
                OutputCapture(folder: $0.appendingPathComponent("cells"), outputCap: environment["NOTEBOOK_OUTPUT_CAP"].flatMap { Int($0) },
                              builder: environment["NOTEBOOK_BUILDER_PID"].flatMap { pid_t($0) })
            } : nil
        self.terminal = Terminal(output: capture?.terminalOutput ?? FileHandle.standardOutput,
                                 colors: environment["NO_COLOR"] == nil && isatty(1) != 0)
        state = Locked(State(record: ChapterRecord(stamp: stamp)))
        if case .invalid(let problem) = command { refuse(problem) }
        if command == .runChapter || command.requestedCell != nil { terminal.banner(stamp) }
    }

    /// Runs a cell now. A thrown error or a failed check stops the chapter after the cell.
    public func cell(_ name: String, _ title: String, _ body: (Cell) throws -> Void) {
        guard let cell = begin(name, title) else { return }
        let start = ContinuousClock.now
        var thrown: (any Error)?
        do { try body(cell) } catch { thrown = error }
        end(cell, seconds: (ContinuousClock.now - start).seconds, thrown: thrown)
    }

    /// Runs an async cell now, on the caller's actor.
    public func cell(_ name: String, _ title: String, isolation: isolated (any Actor)? = #isolation,
                     _ body: (Cell) async throws -> Void) async {
        guard let cell = begin(name, title) else { return }
        let start = ContinuousClock.now
        var thrown: (any Error)?
        do { try await body(cell) } catch { thrown = error }
        end(cell, seconds: (ContinuousClock.now - start).seconds, thrown: thrown)
    }

    /// Writes the results and prints a summary. Call it once, at the end of `main.swift`.
    public func finish() {
        if let requested = command.requestedCell {
            let (record, known) = state.withLock { ($0.record, $0.cellNames.sorted()) }
            guard !record.cells.isEmpty else {
                terminal.failure("There is no cell '\(requested)'; this chapter's cells: \(known.joined(separator: ", ")).")
                exit(2)
            }
            terminal.summary(cells: record.cells.count, checks: record.cells.flatMap(\.checks).count, seconds: record.cells.map(\.seconds).reduce(0, +))
            return
        }
        guard command == .runChapter else { finishExercises() }
        let registered = exercises.records
        let record = state.withLock { state in
            state.record.exercises = registered.isEmpty ? nil : registered
            return state.record
        }
        write(record)
        let checks = record.cells.flatMap(\.checks)
        terminal.summary(cells: record.cells.count, checks: checks.count,
                         seconds: record.cells.map(\.seconds).reduce(0, +))
    }

    /// Whether this program was built with ThreadSanitizer (`--sanitize=thread`), found by
    /// looking for the sanitizer's runtime. The sanitizer slows every memory access and
    /// serialises much of what threads do, so a chapter skips its speedup checks then:
    /// they measure the sanitizer, not the model being taught.
    public static let isThreadSanitized: Bool = dlsym(dlopen(nil, RTLD_NOW), "__tsan_init") != nil

    // MARK: Internals

    /// What the run has recorded so far.
    var record: ChapterRecord { state.withLock { $0.record } }

    private func begin(_ name: String, _ title: String) -> Cell? {
        let requestedCell = command.requestedCell
        guard command == .runChapter || requestedCell != nil else { return nil }
        let isNew = state.withLock { $0.cellNames.insert(name).inserted }
        precondition(isNew, "Two cells are named '\(name)': cell names must be unique in a chapter.")
        guard requestedCell == nil || requestedCell == name else { return nil }
        let index = state.withLock { $0.record.cells.count + 1 }
        terminal.cellHeading(index: index, name: name, title: title)
        capture?.begin(cell: name)
        return Cell(name: name, title: title, notebook: self)
    }

    private func end(_ cell: Cell, seconds: Double, thrown: (any Error)?) {
        let output = capture?.end() ?? CapturedOutput(stdout: "", stderr: "")
        if let output = capture.map({ _ in output }) { terminal.echo(output) }
        if let thrown { cell.check(false, "the cell threw an error: \(thrown)") }
        let record = cell.finish(seconds: seconds, stdout: output.stdout, stderr: output.stderr)
        state.withLock { $0.record.cells.append(record) }
        let failed = record.checks.filter { !$0.passed }
        guard failed.isEmpty else {
            let message = failed.map { "\($0.message) (\($0.location))" }.joined(separator: "; ")
            let chapterRecord = state.withLock { state in
                state.record.failure = FailureRecord(cell: cell.name, message: message)
                return state.record
            }
            write(chapterRecord)
            terminal.failure("Cell '\(cell.name)' failed: \(message)")
            exit(1)
        }
    }

    func export(_ name: String, _ value: ValueRecord) {
        state.withLock { $0.record.values[name] = value }
    }

    /// Writes `results.json` atomically: a reader never sees half a file.
    private func write(_ record: ChapterRecord) {
        writeResult(record, named: "results.json")
    }

    /// Writes `value` as JSON into the results folder, if there is one, atomically.
    func writeResult(_ value: some Encodable, named name: String) {
        guard let resultsFolder else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(value)
            try data.write(to: resultsFolder.appendingPathComponent(name), options: .atomic)
        } catch {
            terminal.failure("could not write \(name): \(error)")
            exit(3)
        }
    }
}
