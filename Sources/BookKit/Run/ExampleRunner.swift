import Foundation

/// Compiles (and for some modes, runs) the small standalone programs the prose shows with
/// what the compiler or the program really said: `{{#compile-fail}}`, `{{#compile-warn}}`,
/// `{{#run}}`, `{{#trap}}` and `{{#tsan}}`. An example may declare its own compiler flags in
/// a line `// swiftc: FLAGS` (see `ExampleFlags`). Results are cached in
/// `.book/cache/examples/` by the hash of the source, the mode, the flags and the
/// compiler's version, so an unchanged example costs nothing on the next build.
public struct ExampleRunner: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Must not compile; the diagnostic must contain every `// expect-error:` text.
        case compileFail = "compile-fail"
        /// Must compile, with warnings; they must contain every `// expect-warning:` text.
        case compileWarn = "compile-warn"
        /// Built (without a warning) and run; must exit 0 and print every `// expect-output:` text.
        case run
        /// Built (without a warning) and run; must be stopped by a signal (a Swift trap) after
        /// printing every `// expect-trap:` text.
        case trap
        /// Built with ThreadSanitizer and run; must exit non-zero with every `// expect-report:` text.
        case threadSanitizer = "tsan"

        public var expectationKey: String {
            switch self {
            case .compileFail: "expect-error"
            case .compileWarn: "expect-warning"
            case .run: "expect-output"
            case .trap: "expect-trap"
            case .threadSanitizer: "expect-report"
            }
        }

        /// Whose words the result is, for messages and the book's label.
        var speaker: String {
            switch self {
            case .compileFail, .compileWarn: "compiler's diagnostic"
            case .run: "program's output"
            case .trap: "program's output before its trap"
            case .threadSanitizer: "sanitizer's report"
            }
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The command a reader can run to see the same thing.
        public var command: String
        public var output: String
        /// How the program ended, when that is part of the lesson (a trap's signal).
        public var ending: String?
        /// A ThreadSanitizer report cut down to what a reader needs (`SanitizerReport`);
        /// the page shows it first, with `output`, the whole report, one click away.
        public var summary: String?
    }

    let repository: Repository
    let swiftc: String
    let compilerVersion: String
    /// Whether results come from (and go to) `.book/cache/examples/`. A soak of the
    /// examples builds and runs every one afresh and leaves the book's cache untouched.
    let usesCache: Bool

    public init(repository: Repository, swiftc: String = "swiftc", compilerVersion: String, usesCache: Bool = true) {
        self.repository = repository
        self.swiftc = swiftc
        self.compilerVersion = compilerVersion
        self.usesCache = usesCache
    }

    /// The example's diagnostic, output or report; throws (with `location`) if the example
    /// does not behave as its expectation lines say, or if the compiler crashes on it.
    ///
    /// `extraFlags` (from the directive: `{{#compile-warn PATH -swift-version 5}}`) are added
    /// to the file's own `// swiftc:` flags, so one file can be shown built several ways.
    public func run(_ mode: Mode, source: AnchoredSource, url: URL, location: String,
                    extraFlags: [String] = []) throws -> Result {
        let expectations = source.directives(mode.expectationKey)
        guard !expectations.isEmpty else {
            throw BookError("\(source.path) has no '// \(mode.expectationKey): TEXT' line saying what to expect", at: location)
        }
        let flags = try ExampleFlags(declared: source.directives("swiftc") + extraFlags, mode: mode,
                                     path: source.path, location: location)
        let library = try ExampleLibrary(declaredBy: source, exampleURL: url, repository: repository, mode: mode, location: location)
        let text = source.lines.joined(separator: "\n") + (library.map { "\n" + $0.fingerprint } ?? "")
            + "\n" + ExampleSourceCopy.cacheGeneration
        let key = Fingerprint.of("\(mode.rawValue)\n\(compilerVersion)\n\(flags.arguments.joined(separator: " "))\n\(source.path)\n\(text)")
        let cached = cacheFolder.appendingPathComponent("\(key).json")
        var result: Result
        if usesCache, let data = FileManager.default.contents(atPath: cached.path),
           let hit = try? JSONDecoder().decode(Result.self, from: data) {
            result = hit
        } else {
            result = try produce(mode, flags: flags, library: library, url: url, location: location)
            if usesCache {
                try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
                try JSONEncoder().encode(result).write(to: cached, options: .atomic)
            }
        }
        // Match messages only, not the source lines the compiler quotes around them
        // (which contain the expectation comments themselves).
        let messages = result.output.split(separator: "\n")
            .filter { $0.range(of: #"^\s*[0-9]+\s*\|"#, options: .regularExpression) == nil }
            .joined(separator: "\n")
        for expected in expectations where !messages.contains(expected) {
            throw BookError("the \(mode.speaker) for \(source.path) no longer contains '\(expected)'; it says:\n\(result.output)", at: location)
        }
        if mode == .threadSanitizer {
            // `// expect-no-report-in: NAME`: the half of the example the prose calls
            // race-free must stay out of every report (a report's stacks name it otherwise).
            for clean in source.directives("expect-no-report-in") {
                if let report = SanitizerReport.warnings(in: result.output).first(where: { $0.contains(clean) }) {
                    throw BookError("ThreadSanitizer reported a race in '\(clean)', which \(source.path) says is race-free:\n\(report)",
                                    at: location)
                }
            }
            // Made from the whole report each time (cached results from before have none).
            result.summary = SanitizerReport.summary(of: result.output, demangle: demangle)
        }
        return result
    }

    /// Swift's mangled names in plain words (`$s7example5countSivp` is `count`), by the
    /// toolchain's `swift-demangle` next to `swiftc`; names it cannot read stay as they are.
    func demangle(_ names: [String]) -> [String: String] {
        guard !names.isEmpty else { return [:] }
        let tool = swiftc.contains("/")
            ? URL(fileURLWithPath: swiftc).deletingLastPathComponent().appendingPathComponent("swift-demangle").path
            : (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                .map { "\($0)/swift-demangle" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool, FileManager.default.isExecutableFile(atPath: tool) else { return [:] }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("book-demangle-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        guard (try? execute(tool, ["--simplified", "--compact"] + names, log: log, timeout: 30)) == .exited(0) else { return [:] }
        let lines = read(log).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= names.count else { return [:] }
        // The simplified form drops the module: a closure in an example's top-level code
        // (its main.swift) comes out as "closure #1 in ", with nothing after the "in".
        let readable = lines.prefix(names.count).map { $0.hasSuffix(" in ") ? $0 + "top-level code" : $0 }
        return Dictionary(zip(names, readable), uniquingKeysWith: { first, _ in first })
    }

    private var cacheFolder: URL { repository.root.appendingPathComponent(".book/cache/examples") }

    private func produce(_ mode: Mode, flags: ExampleFlags, library: ExampleLibrary? = nil, url: URL, location: String) throws -> Result {
        var result = try produce(mode, flags: flags, url: url, location: location) { work, output, invoke in
            guard let library else { return [] }
            let (ok, text) = try invoke(library.buildArguments(work: work))
            guard ok else { throw BookError("the library \(library.path) of \(self.repository.relative(url)) does not compile:\n\(text)", at: location) }
            return library.exampleArguments(work: work, linking: !output.contains("-c"))
        }
        if let library { result.command = library.shown(result.command, examplePath: repository.relative(url)) }
        return result
    }

    /// Builds and runs the example; `prepare` may build what it needs first (a library),
    /// with `invoke` (swiftc with crash detection), and returns arguments for its compile.
    private func produce(_ mode: Mode, flags: ExampleFlags, url: URL, location: String,
                         prepare: (URL, [String], ([String]) throws -> (ok: Bool, text: String)) throws -> [String]) throws -> Result {
        // The compiler gets the absolute path; `clean` turns it back into the repository-relative one.
        let path = repository.relative(url)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("book-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("output.txt").path
        let shownFlags = flags.arguments.joined(separator: " ")
        let binary = work.appendingPathComponent("example").path
        let compiled = try ExampleSourceCopy.write(url, as: path, into: work)

        func compile(_ output: [String]) throws -> (ok: Bool, text: String) {
            try invoke(flags.arguments + prepare(work, output, invoke) + [compiled.path] + output)
        }
        func invoke(_ arguments: [String]) throws -> (ok: Bool, text: String) {
            let ending = try execute(swiftc, arguments, log: log, timeout: 300)
            let text = clean(read(log), work: work)
            if let crash = CompilerCrash(ending: ending, output: text) {
                throw BookError("swiftc crashed compiling \(path) (\(crash.summary)). This is a bug in the compiler, "
                                + "not a diagnostic: the book does not show it. Change the example, or report the crash. "
                                + "The compiler printed:\n\(crash.excerpt)", at: location)
            }
            guard ending != .timedOut else { throw BookError("swiftc took more than 300 s on \(path)", at: location) }
            return (ending == .exited(0), text)
        }

        switch mode {
        case .compileFail:
            let (ok, output) = try compile(["-c", "-o", work.appendingPathComponent("example.o").path])
            guard !ok else {
                throw BookError("\(path) compiled without an error, but the book shows it as code the compiler refuses", at: location)
            }
            return Result(command: "swiftc \(shownFlags) -c \(path)", output: output)
        case .compileWarn:
            let (ok, output) = try compile(["-c", "-o", work.appendingPathComponent("example.o").path])
            guard ok else {
                throw BookError("\(path) does not compile, but the book shows it as code that compiles with warnings:\n\(output)", at: location)
            }
            guard output.contains("warning:") else {
                throw BookError("\(path) compiled without a warning, but the book shows the warnings it must produce", at: location)
            }
            return Result(command: "swiftc \(shownFlags) -c \(path)", output: output)
        case .run, .trap:
            let (ok, warnings) = try compile(["-o", binary])
            guard ok else { throw BookError("\(path) does not compile with \(shownFlags):\n\(warnings)", at: location) }
            guard !warnings.contains("warning:") else {
                throw BookError("\(path) compiles with a warning; a program the book runs must compile cleanly "
                                + "(show warnings with {{#compile-warn}}):\n\(warnings)", at: location)
            }
            let ending = try execute(binary, [], log: log, timeout: 60, quietBacktrace: true)
            let output = clean(read(log), work: work)
            let command = "swiftc \(shownFlags) \(path) -o example && ./example"
            if mode == .run {
                guard ending == .exited(0) else {
                    throw BookError("\(path) ended with \(Self.describe(ending)), but the book shows it as a program that runs:\n\(output)", at: location)
                }
                return Result(command: command, output: output)
            }
            guard case .signalled(let signal) = ending else {
                throw BookError("\(path) ended with \(Self.describe(ending)), but the book shows it as a program that traps:\n\(output)", at: location)
            }
            return Result(command: command, output: Self.withoutStackTrace(output),
                          ending: "stopped by \(ChildProcess.signalName(signal))")
        case .threadSanitizer:
            let (ok, output) = try compile(["-sanitize=thread", "-o", binary])
            guard ok else {
                throw BookError("\(path) does not compile with -sanitize=thread:\n\(output)", at: location)
            }
            let ending = try execute(binary, [], log: log, timeout: 60)
            let report = clean(read(log), work: work)
            guard ending != .exited(0) else {
                throw BookError("\(path) ran cleanly under ThreadSanitizer, but the book shows it as a race the sanitizer reports", at: location)
            }
            return Result(command: "swiftc \(shownFlags) -sanitize=thread \(path) -o racy && ./racy", output: report)
        }
    }

    /// A trap's message without the runtime's "Current stack trace" (addresses that change
    /// with every build): the lines are counted, not shown.
    static func withoutStackTrace(_ output: String) -> String {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Current stack trace:") }) else { return output }
        let frames = lines[(start + 1)...].prefix { $0.range(of: #"^[0-9]+ "#, options: .regularExpression) != nil }.count
        lines.replaceSubrange(start...(start + frames), with: ["Current stack trace: (\(frames) frames, not shown)"])
        return lines.joined(separator: "\n")
    }

    static func describe(_ ending: ChildProcess.Ending) -> String {
        switch ending {
        case .exited(let status): "exit status \(status)"
        case .signalled(let signal): ChildProcess.signalName(signal)
        case .timedOut: "a timeout (killed after 60 s)"
        case .stopped: "stopped by the builder"
        }
    }

    /// Runs one program with its output in `log`. `quietBacktrace` turns off the Swift
    /// runtime's crash backtracer (on by default on Linux), so a trap shows its message,
    /// not pages of stack.
    private func execute(_ executable: String, _ arguments: [String], log: String, timeout: Double,
                         quietBacktrace: Bool = false) throws -> ChildProcess.Ending {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "dumb"
        if quietBacktrace { environment["SWIFT_BACKTRACE"] = "enable=no" }
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

/// A ThreadSanitizer report cut down for the page. The whole report names every frame of
/// every stack, with build ids and mangled names, and the threads' creation stacks; the
/// lesson is in a few lines of it. Kept: the program's own output around the report, each
/// warning's `WARNING` line, each conflicting access with its top frame in the example's
/// own code, and the `SUMMARY` line, with Swift names demangled.
enum SanitizerReport {
    /// `demangle` maps mangled names (`$s...`) to readable ones; a name it leaves out stays.
    static func summary(of report: String, binary: String = "example",
                        demangle: ([String]) -> [String: String]) -> String {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var insideWarning = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("==================") {
                insideWarning.toggle()
                kept.append(line)
            } else if !insideWarning {
                kept.append(line)
            } else if line.hasPrefix("WARNING: ThreadSanitizer:") {
                kept.append(line.replacingOccurrences(of: #" \(pid=[0-9]+\)"#, with: "", options: .regularExpression))
            } else if line.hasPrefix("SUMMARY: ThreadSanitizer:") {
                // "... race RacyCounter-1.o in $s..." names an object file: only the function matters.
                kept.append(line.replacingOccurrences(of: #" \S+\.o in "#, with: " in ", options: .regularExpression))
            } else if isAccessHeader(line) {
                kept.append(line.replacingOccurrences(of: #" at 0x[0-9a-f]+"#, with: "", options: .regularExpression))
                // The stack follows, one frame a line, up to a blank line: its first frame in our code.
                var frames: [String] = []
                while index < lines.count, lines[index].range(of: #"^\s+#[0-9]+ "#, options: .regularExpression) != nil {
                    frames.append(lines[index])
                    index += 1
                }
                if let ours = frames.first(where: { $0.contains("(\(binary)+0x") && !$0.contains("compiler-rt") }) {
                    kept.append(shortFrame(ours))
                }
            }
        }
        var text = kept.joined(separator: "\n")
        var mangled: Set<String> = []
        var searched = text.startIndex..<text.endIndex
        while let found = text.range(of: #"\$s[0-9A-Za-z_]+"#, options: .regularExpression, range: searched) {
            mangled.insert(String(text[found]))
            searched = found.upperBound..<text.endIndex
        }
        let readable = demangle(mangled.sorted())
        for name in mangled.sorted(by: { $0.count > $1.count }) {
            if let plain = readable[name], !plain.isEmpty { text = text.replacingOccurrences(of: name, with: plain) }
        }
        return text
    }

    /// Each warning of a report, from its `WARNING: ThreadSanitizer:` line to the
    /// `==================` line that closes it.
    static func warnings(in report: String) -> [String] {
        var warnings: [String] = [], current: [Substring]?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("WARNING: ThreadSanitizer:") {
                current = [line]
            } else if current != nil, line.hasPrefix("==================") {
                warnings.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        if let current { warnings.append(current.joined(separator: "\n")) }   // cut off before its end
        return warnings
    }

    /// "  Previous write of size 1 at 0x... by thread T2:": the head of an access's stack
    /// (not a thread's creation, "Thread T1 ... created by", nor the memory's "Location").
    static func isAccessHeader(_ line: String) -> Bool {
        line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":")
            && (line.contains(" by thread T") || line.contains(" by main thread"))
            && !line.hasPrefix("  Thread T") && !line.hasPrefix("  Location is") && !line.contains("created by")
    }

    /// "    #0 $s7example... Racy-1.o (example+0xfc9ad) (BuildId: f4bd...)" as "    #0 $s7example...".
    static func shortFrame(_ frame: String) -> String {
        let parts = frame.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return frame }
        return "    \(parts[0]) \(parts[1])"
    }
}
