import Foundation
import Testing
@testable import BookKit
import Notebook

/// The example modes beyond compile-fail, against the real compiler: declared flags,
/// required warnings, programs that run, programs that trap; and a compiler crash, with a
/// stand-in compiler that crashes on purpose.
@Suite("Examples with flags, warnings, runs and traps")
struct ExampleModesTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func run(_ mode: ExampleRunner.Mode, _ text: String, swiftc: String = "swiftc",
             version: String = "test-\(UUID())") throws -> ExampleRunner.Result {
        let path = "Chapters/01-x/examples/Example.swift"
        let url = try fixture.write(path, text)
        let source = try AnchoredSource(contentsOf: url, displayPath: path)
        let runner = ExampleRunner(repository: try fixture.repository, swiftc: swiftc, compilerVersion: version)
        return try runner.run(mode, source: source, url: url, location: "README.md:7")
    }

    static let mutableGlobal = """
        var counter = 0
        func bump() { counter += 1 }
        """

    @Test func declaredFlagsReplaceTheDefaultLanguageMode() throws {
        let result = try run(.compileWarn, """
            // swiftc: -swift-version 5 -strict-concurrency=complete -parse-as-library
            // expect-warning: var 'counter' is not concurrency-safe
            \(Self.mutableGlobal)
            """)
        #expect(result.command.hasPrefix("swiftc -swift-version 5 -strict-concurrency=complete -parse-as-library -c "))
        #expect(!result.command.contains("-swift-version 6"))
        #expect(result.output.contains("warning: var 'counter' is not concurrency-safe"))
    }

    @Test func theSameFileIsAnErrorInTheDefaultSwift6Mode() throws {
        let result = try run(.compileFail, """
            // swiftc: -parse-as-library
            // expect-error: var 'counter' is not concurrency-safe
            \(Self.mutableGlobal)
            """)
        #expect(result.command.hasPrefix("swiftc -swift-version 6 -parse-as-library -c "))
        #expect(result.output.contains("error: var 'counter' is not concurrency-safe"))
        // Swift 6.3 names the diagnostic's group and the compiler's page about it.
        let groups = DiagnosticGroups(result.output)
        #expect(groups.url(of: "MutableGlobalVariable") == "https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable")
        let html = Fragments.diagnostic(result.output, command: result.command)
        #expect(html.contains("<a class=\"diag-group\" rel=\"external\" href=\"https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable\">[#MutableGlobalVariable]</a>"))
    }

    @Test func oneFileBuiltTwoWaysByTheDirectivesFlags() throws {
        let prose = """
            # T

            {{#compile-warn examples/Example.swift -swift-version 5 -strict-concurrency=complete}}

            {{#compile-fail examples/Example.swift}}
            """
        try fixture.write("Chapters/01-x/examples/Example.swift", """
            // swiftc: -parse-as-library
            // expect-warning: this is an error in the Swift 6 language mode
            // expect-error: var 'counter' is not concurrency-safe
            \(Self.mutableGlobal)
            """)
        let chapter = try fixture.chapter("01-x", prose: prose)
        let page = try fixture.resolver(chapter, record: sampleRecord()).resolve()
        #expect(page.html.contains("$ swiftc -parse-as-library -swift-version 5 -strict-concurrency=complete -c Chapters/01-x/examples/Example.swift"))
        #expect(page.html.contains("$ swiftc -swift-version 6 -parse-as-library -c Chapters/01-x/examples/Example.swift"))
        #expect(page.markdown.contains("warning: var 'counter' is not concurrency-safe"))
        #expect(page.markdown.contains("Diagnostic groups: [`[#MutableGlobalVariable]`](https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable)"))
        // The file's code is shown once, with the first result; the second shows only its own.
        #expect(page.markdown.components(separatedBy: "<sub>`Chapters/01-x/examples/Example.swift`").count == 2)
        #expect(page.html.components(separatedBy: "class=\"code-block\"").count == 2)
    }

    @Test func aRequiredWarningThatDisappearsFailsTheBuild() {
        let error = #expect(throws: BookError.self) {
            try run(.compileWarn, "// swiftc: -swift-version 5 -parse-as-library\n// expect-warning: not concurrency-safe\n\(Self.mutableGlobal)\n")
        }
        #expect(error?.message.contains("compiled without a warning") == true)
        #expect(error?.location == "README.md:7")
    }

    @Test func aWarningExampleThatDoesNotCompileFailsTheBuild() {
        let error = #expect(throws: BookError.self) {
            try run(.compileWarn, "// expect-warning: anything\nlet n: Int = \"x\"\n")
        }
        #expect(error?.message.contains("does not compile") == true)
    }

    @Test func aFlagOutsideTheListIsAnError() {
        let error = #expect(throws: BookError.self) {
            try run(.compileFail, "// swiftc: -o /tmp/elsewhere\n// expect-error: x\nlet n: Int = \"x\"\n")
        }
        #expect(error?.message.contains("flag '-o' is not one an example may set") == true)
    }

    @Test func flagParsing() throws {
        let flags = try ExampleFlags(declared: ["-enable-upcoming-feature NonisolatedNonsendingByDefault", "-default-isolation MainActor"],
                                     mode: .threadSanitizer, path: "X.swift", location: "R.md:1")
        #expect(flags.arguments == ["-swift-version", "6", "-Onone", "-enable-upcoming-feature", "NonisolatedNonsendingByDefault",
                                    "-default-isolation", "MainActor"])
        let optimised = try ExampleFlags(declared: ["-O -swift-version 5"], mode: .threadSanitizer, path: "X.swift", location: "R.md:1")
        #expect(optimised.arguments == ["-O", "-swift-version", "5"])
        #expect(throws: BookError.self) {
            try ExampleFlags(declared: ["-default-isolation"], mode: .run, path: "X.swift", location: "R.md:1")
        }
    }

    @Test func aProgramRunsAndItsOutputIsRequired() throws {
        let program = """
            // swiftc: -default-isolation MainActor
            // expect-output: sum 6
            func total() -> Int { MainActor.assertIsolated(); return 1 + 2 + 3 }
            print("sum", total())
            """
        let result = try run(.run, program)
        #expect(result.output == "sum 6")
        #expect(result.ending == nil)
        #expect(result.command.contains("-default-isolation MainActor"))
        let error = #expect(throws: BookError.self) { try run(.run, program.replacingOccurrences(of: "sum 6", with: "sum 7")) }
        #expect(error?.message.contains("program's output for Chapters/01-x/examples/Example.swift no longer contains 'sum 7'") == true)
    }

    @Test func aProgramTheBookRunsMustCompileWithoutWarnings() {
        let error = #expect(throws: BookError.self) {
            try run(.run, "// expect-output: x\nfunc f() { var unused = 1 }\nprint(\"x\")\n")
        }
        #expect(error?.message.contains("compiles with a warning") == true)
    }

    @Test func aProgramThatFailsIsNotARun() {
        let error = #expect(throws: BookError.self) {
            try run(.run, "// expect-output: x\nimport Foundation\nprint(\"x\")\nexit(3)\n")
        }
        #expect(error?.message.contains("ended with exit status 3") == true)
    }

    @Test func aTrapIsShownWithItsMessageAndSignal() throws {
        let result = try run(.trap, """
            // expect-trap: Precondition failed: the isolation was wrong
            func check(_ ok: Bool) { precondition(ok, "the isolation was wrong") }
            check(Int.random(in: 0...0) == 1)
            """)
        #expect(result.output.contains("Precondition failed: the isolation was wrong"))
        // The runtime's backtracer is off: the message, not pages of stack.
        #expect(!result.output.contains("Thread 0"))
        #expect(result.ending == "stopped by SIGILL" || result.ending == "stopped by SIGTRAP")
        let html = try resolveTrapPage()
        #expect(html.contains("The program traps"))
        #expect(html.contains("# stopped by SIG"))
    }

    /// A chapter page with a `{{#trap}}` directive.
    func resolveTrapPage() throws -> String {
        let chapter = try fixture.chapter("01-x", prose: "# T\n\n{{#trap examples/Example.swift}}\n")
        return try fixture.resolver(chapter, record: sampleRecord()).resolve().html
    }

    @Test func aTrapsStackTraceIsCountedNotShown() {
        let output = "t.swift:2: Fatal error: x\nCurrent stack trace:\n0    libswiftCore.so  0x1 swift_reportError + 33\n1    t  0x2 <unavailable> + 3946\nafter"
        #expect(ExampleRunner.withoutStackTrace(output) == "t.swift:2: Fatal error: x\nCurrent stack trace: (2 frames, not shown)\nafter")
        #expect(ExampleRunner.withoutStackTrace("no trace") == "no trace")
    }

    @Test func aProgramThatDoesNotTrapFailsTheBuild() {
        let error = #expect(throws: BookError.self) { try run(.trap, "// expect-trap: x\nprint(\"x\")\n") }
        #expect(error?.message.contains("ended with exit status 0, but the book shows it as a program that traps") == true)
    }

    static let halfRacy = """
        import Foundation
        nonisolated(unsafe) var shared = 0
        func calmPart() { print("calm") }
        func racyPart() {
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread { shared += 1; done.signal() }
            shared += 1
            done.wait()
        }
        calmPart()
        racyPart()
        """

    /// `// expect-no-report-in:` holds the race-free half of a sanitizer example to it.
    @Test func aWarningThatNamesTheRaceFreeHalfFailsTheBuild() throws {
        let clean = try run(.threadSanitizer, "// expect-report: racyPart\n// expect-no-report-in: calmPart\n" + Self.halfRacy)
        #expect(clean.output.contains("WARNING: ThreadSanitizer"))
        let error = #expect(throws: BookError.self) {
            try run(.threadSanitizer, "// expect-report: access race\n// expect-no-report-in: racyPart\n" + Self.halfRacy)
        }
        #expect(error?.message.contains("ThreadSanitizer reported a race in 'racyPart'") == true, "\(error?.message ?? "")")
        #expect(error?.location == "README.md:7")
    }

    /// A stand-in compiler: counts its runs in `count`, prints `text` and ends as `ending` says.
    func fakeCompiler(_ text: String, ending: String) throws -> (swiftc: String, count: URL) {
        let count = fixture.root.appendingPathComponent("compiler-runs")
        let script = try fixture.write("fake-swiftc", """
            #!/bin/sh
            echo run >> '\(count.path)'
            printf '%s\\n' '\(text)'
            \(ending)
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return (script.path, count)
    }

    func runs(_ count: URL) -> Int {
        (fixture.read("compiler-runs") ?? "").split(separator: "\n").count
    }

    @Test(arguments: ["kill -SEGV $$", "exit 1"])
    func aCompilerCrashIsNeverShownAsADiagnostic(ending: String) throws {
        let compiler = try fakeCompiler("error: something\nPlease submit a bug report (https://swift.org/contributing/#reporting-bugs)\nStack dump:\n0.  Program arguments: swift-frontend", ending: ending)
        for _ in 1...2 {
            let error = #expect(throws: BookError.self) {
                try run(.compileFail, "// expect-error: something\nlet x = 1\n", swiftc: compiler.swiftc, version: "crashing")
            }
            #expect(error?.message.contains("swiftc crashed compiling Chapters/01-x/examples/Example.swift") == true)
            #expect(error?.message.contains("not a diagnostic") == true)
            #expect(error?.message.contains(ending == "exit 1" ? "exit status 1 after the compiler's crash report" : "killed by SIGSEGV") == true)
        }
        // A crash is not cached: the second build asked the compiler again.
        #expect(runs(compiler.count) == 2)
    }

    @Test func resultsAreCachedByCompilerVersionAndFlags() throws {
        let compiler = try fakeCompiler("Example.swift:1:1: error: refused", ending: "exit 1")
        let source = "// expect-error: refused\nlet x = 1\n"
        _ = try run(.compileFail, source, swiftc: compiler.swiftc, version: "one")
        _ = try run(.compileFail, source, swiftc: compiler.swiftc, version: "one")
        #expect(runs(compiler.count) == 1)
        _ = try run(.compileFail, source, swiftc: compiler.swiftc, version: "two")
        #expect(runs(compiler.count) == 2)
        _ = try run(.compileFail, "// swiftc: -swift-version 5\n" + source, swiftc: compiler.swiftc, version: "two")
        #expect(runs(compiler.count) == 3)
    }
}

@Suite("Diagnostic groups as links")
struct DiagnosticGroupTests {
    let output = """
        A.swift:1:5: error: var 'counter' is not concurrency-safe because it is nonisolated global shared mutable state [#MutableGlobalVariable]
        A.swift:4:9: error: sending 'x' risks causing data races [#SendingRisksDataRace]

        [#MutableGlobalVariable]: <https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable>
        [#SendingRisksDataRace]: <https://docs.swift.org/compiler/documentation/diagnostics/sending-risks-data-race>
        """

    @Test func groupsAndTheirPagesAreRead() {
        let groups = DiagnosticGroups(output)
        #expect(groups.pages.map(\.name) == ["MutableGlobalVariable", "SendingRisksDataRace"])
        #expect(groups.url(of: "SendingRisksDataRace") == "https://docs.swift.org/compiler/documentation/diagnostics/sending-risks-data-race")
    }

    @Test func onlyWellFormedWebAddressesBecomeLinks() {
        let groups = DiagnosticGroups("[#Bad]: <javascript:alert(1)>\n[#Also Bad]: <https://x>\n[#Fine]: <https://example.org/fine>")
        #expect(groups.pages.map(\.name) == ["Fine"])
    }

    @Test func htmlLinksEveryTagAndAddressAndStillEscapes() {
        let html = Fragments.diagnostic(output + "\n<script>", command: "swiftc A.swift")
        #expect(html.contains("shared mutable state <a class=\"diag-group\" rel=\"external\" href=\"https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable\">[#MutableGlobalVariable]</a></span>"))
        #expect(html.contains("&lt;<a rel=\"external\" href=\"https://docs.swift.org/compiler/documentation/diagnostics/sending-risks-data-race\">https://docs.swift.org/compiler/documentation/diagnostics/sending-risks-data-race</a>&gt;"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script>"))
    }

    @Test func aTagWithoutItsPageLineStaysText() {
        let html = Fragments.diagnostic("error: x [#Unlisted]", command: "")
        #expect(html.contains("error: x [#Unlisted]"))
        #expect(!html.contains("<a "))
    }

    @Test func markdownListsTheGroupsAsLinks() {
        let markdown = MarkdownBlocks.diagnostic(output, label: "The compiler says")
        #expect(markdown.contains("```text\nA.swift:1:5"))
        #expect(markdown.hasSuffix("Diagnostic groups: [`[#MutableGlobalVariable]`](https://docs.swift.org/compiler/documentation/diagnostics/mutable-global-variable), [`[#SendingRisksDataRace]`](https://docs.swift.org/compiler/documentation/diagnostics/sending-risks-data-race)"))
    }
}
