import Foundation
import Testing
@testable import BookKit

/// Examples that import a module of their own, built first with other flags
/// (`// library: FILE.swift FLAGS`), against the real compiler.
@Suite("Examples with a library built in another mode")
struct ExampleLibraryTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// A Swift 5 module whose function Swift 6 mode would refuse (a mutable global).
    static let swift5Library = """
        public var calls = 0
        public func record() -> Int { calls += 1; return calls }
        """

    func run(_ mode: ExampleRunner.Mode, _ text: String, library: String? = swift5Library) throws -> ExampleRunner.Result {
        if let library { try fixture.write("Chapters/01-x/examples/pair/Counting.swift", library) }
        let path = "Chapters/01-x/examples/pair/Main.swift"
        let url = try fixture.write(path, text)
        let source = try AnchoredSource(contentsOf: url, displayPath: path)
        let runner = ExampleRunner(repository: try fixture.repository, compilerVersion: "test-\(UUID())")
        return try runner.run(mode, source: source, url: url, location: "README.md:4")
    }

    @Test func theLibraryIsBuiltInItsOwnModeAndLinked() throws {
        let result = try run(.run, """
            // library: Counting.swift -swift-version 5
            // expect-output: recorded 1 call
            import Counting
            print("recorded \\(record()) call")
            """)
        #expect(result.output == "recorded 1 call")
        #expect(result.command.hasPrefix("swiftc -swift-version 5 -parse-as-library -module-name Counting -emit-module -c Chapters/01-x/examples/pair/Counting.swift && "))
        #expect(result.command.contains("swiftc -swift-version 6 -I . Counting.o Chapters/01-x/examples/pair/Main.swift -o example && ./example"))
    }

    @Test func aCompileFailSeesTheModuleWithoutLinkingIt() throws {
        let result = try run(.compileFail, """
            // library: Counting.swift -swift-version 5
            // expect-error: cannot convert value of type 'Int' to specified type 'String'
            import Counting
            let text: String = record()
            """)
        #expect(result.command.hasSuffix("swiftc -swift-version 6 -c -I . Chapters/01-x/examples/pair/Main.swift"))
        #expect(!result.output.contains("no such module"))
    }

    @Test func aLibraryThatDoesNotCompileInItsModeFailsTheBuild() {
        let error = #expect(throws: BookError.self) {
            try run(.run, "// library: Counting.swift -swift-version 6\n// expect-output: x\nimport Counting\n")
        }
        #expect(error?.message.contains("the library Chapters/01-x/examples/pair/Counting.swift of Chapters/01-x/examples/pair/Main.swift does not compile") == true)
        #expect(error?.message.contains("var 'calls' is not concurrency-safe") == true)
    }

    @Test func libraryLinesAreChecked() {
        let missing = #expect(throws: BookError.self) {
            try run(.run, "// library: Nowhere.swift\n// expect-output: x\n", library: nil)
        }
        #expect(missing?.message.contains("no library file 'Chapters/01-x/examples/pair/Nowhere.swift'") == true)
        let outside = #expect(throws: BookError.self) {
            try run(.run, "// library: ../../Secret.swift\n// expect-output: x\n", library: nil)
        }
        #expect(outside?.message.contains("needs a .swift file next to the example") == true)
        let flag = #expect(throws: BookError.self) {
            try run(.run, "// library: Counting.swift -o /tmp/x\n// expect-output: x\n")
        }
        #expect(flag?.message.contains("flag '-o' is not one an example may set") == true)
        let two = #expect(throws: BookError.self) {
            try run(.run, "// library: Counting.swift\n// library: Counting.swift\n// expect-output: x\n")
        }
        #expect(two?.message.contains("declares 2 '// library:' lines") == true)
    }
}
