import Foundation

/// What a chapter's program was asked to do, read from its arguments.
///
///     chapter-03                       run the chapter's cells
///     chapter-03 cell NAME             run only that cell, in the terminal
///     chapter-03 exercises             list the chapter's exercises
///     chapter-03 exercise 1            run exercise 1's checks against Exercises.swift
///     chapter-03 exercise 1 hint       show exercise 1's hints
///     chapter-03 exercise 1 solution   run the same checks against Solutions.swift
///
/// Anything else is refused with this list: a typo never runs the whole chapter.
enum NotebookCommand: Equatable {
    case runChapter
    case listExercises
    case exercise(Int, Action)
    /// `cell NAME`: only that cell, in the terminal.
    case cell(String)
    case invalid(String)

    /// The cell asked for with `cell NAME`, if that is the command.
    var requestedCell: String? {
        if case .cell(let name) = self { name } else { nil }
    }

    enum Action: String, CaseIterable {
        case run = "", hint, solution
    }

    init(arguments: [String]) {
        let words = Array(arguments.dropFirst())
        switch words.first {
        case nil:
            self = .runChapter
        case "exercises" where words.count == 1:
            self = .listExercises
        case "exercise":
            guard words.count >= 2, let number = Int(words[1]), number > 0 else {
                self = .invalid("which exercise? `exercise` needs a number, e.g. `exercise 1`")
                return
            }
            switch words.count {
            case 2: self = .exercise(number, .run)
            case 3:
                if let action = Action(rawValue: words[2]), action != .run {
                    self = .exercise(number, action)
                } else {
                    self = .invalid("unknown exercise sub-command '\(words[2])'")
                }
            default: self = .invalid("too many arguments: \(words.joined(separator: " "))")
            }
        case "cell":
            guard words.count == 2, !words[1].isEmpty else {
                self = .invalid("which cell? `cell` needs a cell's name, e.g. `cell five-workers`")
                return
            }
            self = .cell(words[1])
        default:
            self = .invalid("unknown command '\(words.joined(separator: " "))'")
        }
    }

    /// The valid commands, for an error message.
    static func usage(program: String) -> String {
        """
        usage: \(program)                        run the chapter
               \(program) cell NAME              run only that cell
               \(program) exercises              list its exercises
               \(program) exercise N             check your code for exercise N (in Exercises.swift)
               \(program) exercise N hint        show exercise N's hints
               \(program) exercise N solution    run the same checks against the reference solution (Solutions.swift)
        """
    }
}

/// The exercises registered so far, in order.
final class ExerciseRegistry: Sendable {
    private let registered = Locked<[ExerciseRecord]>([])

    /// Adds one; a number registered twice is a mistake in `main.swift`.
    func add(_ record: ExerciseRecord) {
        let isNew = registered.withLock { all in
            guard !all.contains(where: { $0.number == record.number }) else { return false }
            all.append(record)
            return true
        }
        precondition(isNew, "Two exercises are numbered \(record.number): exercise numbers must be unique in a chapter.")
    }

    var records: [ExerciseRecord] { registered.withLock { $0 } }
}

extension Notebook {
    /// Registers exercise `number`: a title, one or two hints, the student's starter and
    /// the reference solution, and the checks, which receive the implementation under
    /// test. The very same checks run for both:
    ///
    ///     notebook.exercise(1, "Ten threads, ten squares",
    ///                       starter: squaresOnTenThreads, solution: Solutions.squaresOnTenThreads,
    ///                       hints: ["...", "..."], checks: checkTenSquares)
    ///
    /// A chapter's run only records the exercise; `exercise 1` runs the checks against the
    /// starter, `exercise 1 solution` against the solution, `exercise 1 hint` prints the hints.
    public func exercise<Implementation>(_ number: Int, _ title: String,
                                         starter: Implementation, solution: Implementation,
                                         hints: [String],
                                         checks: (Cell, Implementation) throws -> Void) {
        register(number, title, hints: hints, hasSolution: true)
        guard case .exercise(number, let action) = command else { return }
        switch action {
        case .hint: showHints(number, title, hints: hints)
        case .run: runExercise(number, title, .starter) { try checks($0, starter) }
        case .solution: runExercise(number, title, .solution) { try checks($0, solution) }
        }
    }

    /// Registers an exercise that has no reference solution or hints yet: `body` holds
    /// both the starter and its checks. `make exercises` runs it; the test suite reports
    /// it as unfinished until it is registered with the full form above.
    public func exercise(_ number: Int, _ title: String, _ body: (Cell) throws -> Void) {
        register(number, title, hints: [], hasSolution: false)
        guard case .exercise(number, let action) = command else { return }
        switch action {
        case .hint: showHints(number, title, hints: [])
        case .run: runExercise(number, title, .starter, body)
        case .solution:
            terminal.failure("Exercise \(number) has no reference solution yet.")
            exit(2)
        }
    }

    /// Which implementation this process is checking: `.solution` in the run of
    /// `exercise N solution` and in every process it starts (worker roles read it),
    /// `.starter` otherwise.
    public static var exerciseImplementation: ExerciseImplementation {
        let value = ProcessInfo.processInfo.environment[ExerciseImplementation.environmentVariable]
        return value.flatMap(ExerciseImplementation.init(rawValue:)) ?? .starter
    }

    // MARK: Internals

    private var program: String {
        URL(fileURLWithPath: CommandLine.arguments.first ?? "chapter").lastPathComponent
    }

    private func register(_ number: Int, _ title: String, hints: [String], hasSolution: Bool) {
        exercises.add(ExerciseRecord(number: number, title: title, hints: hints, hasSolution: hasSolution))
    }

    private func showHints(_ number: Int, _ title: String, hints: [String]) -> Never {
        terminal.line("Exercise \(number): \(title)")
        if hints.isEmpty { terminal.line("  (this exercise has no hints yet)") }
        for (index, hint) in hints.enumerated() {
            terminal.line("  Hint \(index + 1): \(hint)")
        }
        terminal.line("The reference solution: \(program) exercise \(number) solution (its code is in Solutions.swift).")
        exit(0)
    }

    /// Runs `checks` as a cell of its own, prints every check and the verdict, writes
    /// `exercise.json` and ends the process: 0 when solved, 1 when not.
    private func runExercise(_ number: Int, _ title: String, _ implementation: ExerciseImplementation,
                             _ checks: (Cell) throws -> Void) -> Never {
        setenv(ExerciseImplementation.environmentVariable, implementation.rawValue, 1)
        let against = implementation == .starter ? "your code" : "the reference solution"
        let cell = Cell(name: "exercise-\(number)", title: title, notebook: self)
        terminal.cellHeading(index: number, name: "exercise \(number), \(against)", title: title)
        let start = ContinuousClock.now
        do { try checks(cell) } catch { cell.check(false, "the exercise threw an error: \(error)") }
        // Prints every check, passed or failed (with its message and place), and the figures.
        let record = cell.finish(seconds: (ContinuousClock.now - start).seconds, stdout: "", stderr: "")
        let run = ExerciseRunRecord(number: number, title: title, implementation: implementation, checks: record.checks)
        writeResult(run, named: "exercise.json")
        let failed = run.failedChecks.count
        if run.solved {
            terminal.line("Exercise \(number): solved (\(run.checks.count) of \(run.checks.count) checks pass).")
        } else if run.checks.isEmpty {
            terminal.failure("Exercise \(number): no check ran, so it is not solved yet.")
        } else {
            terminal.failure("Exercise \(number): \(failed) of \(run.checks.count) checks still failing.")
            if implementation == .starter {
                let chapter = program.hasPrefix("chapter-") ? String(program.dropFirst("chapter-".count)) : program
                terminal.line("Stuck? make hint-\(chapter)-\(number)   (or: \(program) exercise \(number) hint)")
            }
        }
        exit(run.solved ? 0 : 1)
    }

    /// Lists the exercises (for `exercises`), or reports an exercise number that does
    /// not exist. Every exercise is registered by now.
    func finishExercises() -> Never {
        let all = exercises.records
        switch command {
        case .listExercises:
            writeResult(all, named: "exercises.json")
            terminal.line(all.isEmpty ? "This chapter has no exercises." : "Exercises of \(program):")
            for exercise in all {
                terminal.line("  \(exercise.number). \(exercise.title)")
            }
            if !all.isEmpty {
                terminal.line("Run one: \(program) exercise N   (hints: exercise N hint; the solution: exercise N solution)")
            }
            exit(0)
        case .exercise(let number, _):
            let known = all.map { String($0.number) }.joined(separator: ", ")
            refuse("there is no exercise \(number); this chapter has \(all.isEmpty ? "none" : known)")
        case .invalid(let problem):
            refuse(problem)
        case .runChapter, .cell:
            fatalError("finishExercises() is for exercise commands only")
        }
    }

    /// Refuses a command: the problem, then every valid command. Exit status 2.
    func refuse(_ problem: String) -> Never {
        terminal.failure("\(program): \(problem)")
        terminal.line(NotebookCommand.usage(program: program))
        exit(2)
    }
}
