import Foundation
import Notebook

/// Runs a chapter's exercises the way a student does (`chapter-NN exercise K`), each in
/// a process of its own under a time limit, and reads what the run wrote to
/// `exercise.json`. Used by `make exercises` and by the test suite.
public struct ExerciseRunner: Sendable {
    public let repository: Repository
    /// Where `swift build` put the chapter executables.
    public let buildDirectory: URL
    /// How long one exercise may run before it is killed, in seconds.
    public let timeout: Double

    public init(repository: Repository, buildDirectory: URL, timeout: Double = 120) {
        self.repository = repository
        self.buildDirectory = buildDirectory
        self.timeout = timeout
    }

    /// How one run of an exercise ended.
    public struct Outcome: Sendable {
        public enum Ending: Sendable, Equatable {
            /// The program ended normally, with this exit status (0 solved, 1 not yet).
            case exited(Int32)
            /// It crashed (a trap, or a sanitizer that stopped it): no verdict.
            case crashed(signal: String)
            /// It ran past the time limit and was killed.
            case timedOut
        }

        public let ending: Ending
        /// What the run recorded; `nil` when it ended before writing its record.
        public let record: ExerciseRunRecord?
        /// Everything the run printed (stdout and stderr).
        public let log: String

        /// Solved: it exited with 0 and every one of its checks passed.
        public var solved: Bool { ending == .exited(0) && record?.solved == true }

        /// One line for a person: "solved", "2 of 3 checks failing", "crashed (SIGTRAP)".
        public var summary: String {
            switch ending {
            case .timedOut: return "timed out"
            case .crashed(let signal): return "crashed (\(signal))"
            case .exited:
                guard let record else { return "ended without a verdict" }
                if record.solved { return "solved" }
                return record.checks.isEmpty ? "no check ran" : "\(record.failedChecks.count) of \(record.checks.count) checks failing"
            }
        }
    }

    func executable(_ chapter: Chapter) -> URL { buildDirectory.appendingPathComponent(chapter.productName) }

    /// The exercises `chapter` registers, from `chapter-NN exercises`.
    public func exercises(of chapter: Chapter) throws -> [ExerciseRecord] {
        let (ending, folder, log) = try launch(chapter, arguments: ["exercises"])
        defer { try? FileManager.default.removeItem(at: folder) }
        guard ending == .exited(0),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent("exercises.json").path),
              let list = try? JSONDecoder().decode([ExerciseRecord].self, from: data) else {
            throw BookError("\(chapter.productName) exercises did not list its exercises (\(ending)):\n\(log)")
        }
        return list
    }

    /// Runs exercise `number` of `chapter` against `implementation`.
    public func run(_ chapter: Chapter, exercise number: Int, against implementation: ExerciseImplementation) throws -> Outcome {
        let arguments = ["exercise", String(number)] + (implementation == .solution ? ["solution"] : [])
        let (childEnding, folder, log) = try launch(chapter, arguments: arguments)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = FileManager.default.contents(atPath: folder.appendingPathComponent("exercise.json").path)
            .flatMap { try? JSONDecoder().decode(ExerciseRunRecord.self, from: $0) }
        let ending: Outcome.Ending
        switch childEnding {
        case .exited(let status): ending = .exited(status)
        case .signalled(let signal): ending = .crashed(signal: ChildProcess.signalName(signal))
        case .timedOut, .stopped: ending = .timedOut
        }
        return Outcome(ending: ending, record: record, log: log)
    }

    /// Starts the chapter with `arguments` and a results folder of its own, waits for it
    /// (killing it and everything it started at the time limit, or when it leaves
    /// processes behind), and returns how it ended, the folder and its output.
    private func launch(_ chapter: Chapter, arguments: [String]) throws -> (ChildProcess.Ending, URL, String) {
        let exe = executable(chapter)
        guard FileManager.default.isExecutableFile(atPath: exe.path) else {
            throw BookError("\(repository.relative(exe)) does not exist: build it first (swift build --product \(chapter.productName))")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercise-\(chapter.number)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["NOTEBOOK_RESULTS"] = folder.path
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: ExerciseImplementation.environmentVariable)
        let logPath = folder.appendingPathComponent("output.log").path
        let child = try ChildProcess(executable: exe.path, arguments: arguments, environment: environment, output: .file(logPath))
        let ending = child.wait(timeout: timeout)
        child.killGroup()  // whatever the exercise started and left behind in its group
        let log = String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self)
        return (ending, folder, log)
    }
}
