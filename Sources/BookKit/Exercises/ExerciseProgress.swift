import Foundation
import Notebook

/// `make exercises`: every exercise of every chapter with its state (solved, not yet,
/// does not compile) and a total. The states come from building each chapter and running
/// each exercise's starter; they are kept in `.book/exercises/` with a fingerprint of the
/// sources they came from, so a chapter whose code did not change is not built or run
/// again.
public struct ExerciseProgress {
    public let repository: Repository
    public let buildDirectory: URL
    /// The build command for one chapter, without `--product` (e.g. `swift build -c release`).
    public let buildCommand: [String]
    let say: (String) -> Void

    public init(repository: Repository, buildDirectory: URL, buildCommand: [String], say: @escaping (String) -> Void) {
        self.repository = repository
        self.buildDirectory = buildDirectory
        self.buildCommand = buildCommand
        self.say = say
    }

    /// One exercise's state, as listed.
    public struct Entry: Codable, Sendable, Equatable {
        public enum State: String, Codable, Sendable {
            case solved
            case notYet = "not yet"
            case doesNotCompile = "does not compile"
        }

        public var number: Int
        public var title: String
        public var state: State
        /// What is left, for a person: "2 of 3 checks failing", "crashed (SIGTRAP)".
        public var detail: String
    }

    /// What is cached for one chapter.
    struct ChapterState: Codable {
        var fingerprint: String
        var entries: [Entry]
        /// The first compiler errors, when the chapter did not build.
        var errors: [String]
    }

    /// Lists every chapter's exercises, building and running what changed. Returns
    /// (solved, total).
    @discardableResult
    public func report() throws -> (solved: Int, total: Int) {
        var solved = 0, total = 0
        for chapter in try repository.chapters() where chapter.isRunnable {
            let state = try currentState(of: chapter)
            guard !state.entries.isEmpty || !state.errors.isEmpty else { continue }
            say("\(chapter.slug)")
            for entry in state.entries {
                let mark = switch entry.state { case .solved: "✓"; case .notYet: "·"; case .doesNotCompile: "✗" }
                let detail = entry.state == .notYet && !entry.detail.isEmpty ? " (\(entry.detail))" : ""
                say("  \(mark) \(chapter.number)-\(entry.number)  \(entry.state.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0))\(entry.title)\(detail)")
            }
            for error in state.errors { say("      \(error)") }
            solved += state.entries.count { $0.state == .solved }
            total += state.entries.count
        }
        say("\(solved) of \(total) solved. Run one: make exercise-NN-K; a hint: make hint-NN-K; the reference solution: make solution-NN-K")
        return (solved, total)
    }

    // MARK: Internals

    private var cacheFolder: URL { repository.root.appendingPathComponent(".book/exercises") }

    private func currentState(of chapter: Chapter) throws -> ChapterState {
        let fingerprint = try sourceFingerprint(of: chapter)
        let cacheURL = cacheFolder.appendingPathComponent("\(chapter.slug).json")
        let cached = FileManager.default.contents(atPath: cacheURL.path).flatMap { try? JSONDecoder().decode(ChapterState.self, from: $0) }
        if let cached, cached.fingerprint == fingerprint { return cached }

        say("[\(chapter.slug)] building and running its exercises…")
        let state: ChapterState
        if let errors = try build(chapter) {
            let titles = cached?.entries.map { ($0.number, $0.title) } ?? registeredTitles(in: chapter)
            state = ChapterState(fingerprint: fingerprint,
                                 entries: titles.map { Entry(number: $0.0, title: $0.1, state: .doesNotCompile, detail: "") },
                                 errors: errors)
        } else {
            let runner = ExerciseRunner(repository: repository, buildDirectory: buildDirectory)
            let entries = try runner.exercises(of: chapter).map { exercise -> Entry in
                let outcome = try runner.run(chapter, exercise: exercise.number, against: .starter)
                return Entry(number: exercise.number, title: exercise.title,
                             state: outcome.solved ? .solved : .notYet, detail: outcome.solved ? "" : outcome.summary)
            }
            state = ChapterState(fingerprint: fingerprint, entries: entries, errors: [])
        }
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try JSONEncoder().encode(state).write(to: cacheURL, options: .atomic)
        return state
    }

    /// Builds the chapter; returns nil when it built, else its first compiler errors.
    private func build(_ chapter: Chapter) throws -> [String]? {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("exercise-build-\(chapter.number)-\(getpid()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        guard let program = buildCommand.first else { throw BookError("no build command") }
        let child = try ChildProcess(executable: program, arguments: Array(buildCommand.dropFirst()) + ["--product", chapter.productName],
                                     environment: ProcessInfo.processInfo.environment, output: .file(log.path))
        let ending = child.wait(timeout: 1800)
        guard ending != .exited(0) else { return nil }
        let text = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        var seen = Set<String>()
        let errors = text.split(separator: "\n").map(String.init)
            .filter { $0.contains(": error: ") && seen.insert($0).inserted }
            .map { line in line.hasPrefix(repository.root.path + "/") ? String(line.dropFirst(repository.root.path.count + 1)) : line }
        return Array((errors.isEmpty ? ["the build failed (\(ending))"] : errors).prefix(5))
    }

    /// Exercise numbers and titles as main.swift registers them, for a chapter that does
    /// not build (so cannot list them itself).
    private func registeredTitles(in chapter: Chapter) -> [(Int, String)] {
        let main = (try? String(contentsOf: chapter.folder.appendingPathComponent("main.swift"), encoding: .utf8)) ?? ""
        let pattern = /notebook\.exercise\((\d+),\s*"((?:[^"\\]|\\.)*)"/
        return main.matches(of: pattern).compactMap { match in Int(match.1).map { ($0, String(match.2)) } }
    }

    /// A fingerprint of everything the chapter's executable is built from: its own
    /// `.swift` files, the libraries' sources and the package manifest.
    func sourceFingerprint(of chapter: Chapter) throws -> String {
        var files = try chapter.sourceFiles()
        let sources = repository.root.appendingPathComponent("Sources")
        for library in ["Notebook", "Primitives", "Processes", "Loopback", "RacyCounter"] {
            let folder = sources.appendingPathComponent(library)
            let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
            files += names.filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0) }
        }
        files.append(repository.root.appendingPathComponent("Package.swift"))
        var bytes: [UInt8] = Array(buildCommand.joined(separator: " ").utf8)
        for file in files {
            bytes += Array(repository.relative(file).utf8) + [0]
            bytes += FileManager.default.contents(atPath: file.path).map(Array.init) ?? []
        }
        return Fingerprint.of(bytes)
    }
}
