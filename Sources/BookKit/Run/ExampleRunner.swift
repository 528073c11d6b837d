import Foundation

/// Compiles (and for sanitizer examples, runs) the small standalone programs the prose
/// shows with their real diagnostics: `{{#compile-fail}}` and `{{#tsan}}`. Results are
/// cached in `.book/cache/examples/` by the hash of the source, the mode and the
/// compiler's version, so an unchanged example costs nothing on the next build.
public struct ExampleRunner: Sendable {
    public enum Mode: String, Sendable {
        /// Must not compile; the diagnostic must contain every `// expect-error:` text.
        case compileFail = "compile-fail"
        /// Built with ThreadSanitizer and run; must exit non-zero with every `// expect-report:` text.
        case threadSanitizer = "tsan"

        var expectationKey: String { self == .compileFail ? "expect-error" : "expect-report" }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The command a reader can run to see the same thing.
        public var command: String
        public var output: String
    }

    let repository: Repository
    let swiftc: String
    let compilerVersion: String

    public init(repository: Repository, swiftc: String = "swiftc", compilerVersion: String) {
        self.repository = repository
        self.swiftc = swiftc
        self.compilerVersion = compilerVersion
    }

    /// The example's diagnostic or report; throws (with `location`) if the example does
    /// not behave as its expectation lines say.
    public func run(_ mode: Mode, source: AnchoredSource, url: URL, location: String) throws -> Result {
        let expectations = source.directives(mode.expectationKey)
        guard !expectations.isEmpty else {
            throw BookError("\(source.path) has no '// \(mode.expectationKey): TEXT' line saying what to expect", at: location)
        }
        let text = source.lines.joined(separator: "\n")
        let key = Fingerprint.of("\(mode.rawValue)\n\(compilerVersion)\n\(source.path)\n\(text)")
        let cached = cacheFolder.appendingPathComponent("\(key).json")
        let result: Result
        if let data = FileManager.default.contents(atPath: cached.path),
           let hit = try? JSONDecoder().decode(Result.self, from: data) {
            result = hit
        } else {
            result = try produce(mode, url: url, location: location)
            try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
            try JSONEncoder().encode(result).write(to: cached, options: .atomic)
        }
        // Match messages only, not the source lines the compiler quotes around them
        // (which contain the expectation comments themselves).
        let messages = result.output.split(separator: "\n")
            .filter { $0.range(of: #"^\s*[0-9]+\s*\|"#, options: .regularExpression) == nil }
            .joined(separator: "\n")
        for expected in expectations where !messages.contains(expected) {
            throw BookError("the \(mode == .compileFail ? "compiler's diagnostic" : "sanitizer's report") for \(source.path) no longer contains '\(expected)'; it says:\n\(result.output)", at: location)
        }
        return result
    }

    private var cacheFolder: URL { repository.root.appendingPathComponent(".book/cache/examples") }

    private func produce(_ mode: Mode, url: URL, location: String) throws -> Result {
        // The compiler gets the absolute path; `clean` turns it back into the repository-relative one.
        let path = repository.relative(url)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("book-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("output.txt").path
        switch mode {
        case .compileFail:
            let arguments = ["-swift-version", "6", "-c", url.path, "-o", work.appendingPathComponent("example.o").path]
            let status = try execute(swiftc, arguments, log: log, timeout: 300)
            let output = clean(read(log), work: work)
            guard status != .exited(0) else {
                throw BookError("\(path) compiled without an error, but the book shows it as code the compiler refuses", at: location)
            }
            return Result(command: "swiftc -swift-version 6 -c \(path)", output: output)
        case .threadSanitizer:
            let binary = work.appendingPathComponent("example").path
            let arguments = ["-swift-version", "6", "-Onone", "-sanitize=thread", url.path, "-o", binary]
            guard try execute(swiftc, arguments, log: log, timeout: 300) == .exited(0) else {
                throw BookError("\(path) does not compile with -sanitize=thread:\n\(clean(read(log), work: work))", at: location)
            }
            let ending = try execute(binary, [], log: log, timeout: 60)
            let output = clean(read(log), work: work)
            guard ending != .exited(0) else {
                throw BookError("\(path) ran cleanly under ThreadSanitizer, but the book shows it as a race the sanitizer reports", at: location)
            }
            return Result(command: "swiftc -Onone -sanitize=thread \(path) -o racy && ./racy", output: output)
        }
    }

    private func execute(_ executable: String, _ arguments: [String], log: String, timeout: Double) throws -> ChildProcess.Ending {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "dumb"
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment,
                                     output: .file(log))
        return child.wait(timeout: timeout)
    }

    private func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Removes colour codes and this run's temporary paths, so the text is stable.
    private func clean(_ text: String, work: URL) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .replacingOccurrences(of: work.path + "/", with: "")
            .replacingOccurrences(of: repository.root.path + "/", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
