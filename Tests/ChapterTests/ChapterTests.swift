import Foundation
import Testing
import BookKit
import Notebook
import Primitives

/// Every chapter, built for testing, runs to the end with all its self-checks passing,
/// under the same watchdog and leak checks as `make book`.
@Suite("Chapters run and pass their self-checks", .serialized)
struct ChapterTests {
    static let repository = try! Repository(root: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

    static var chapters: [Chapter] { (try? repository.chapters().filter(\.isRunnable)) ?? [] }

    @Test(arguments: chapters.map(\.slug))
    func chapterPassesItsChecks(slug: String) async throws {
        let runs = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-tests-\(UUID())")
        defer { try? FileManager.default.removeItem(at: runs) }
        let runner = ChapterRunner(repository: Self.repository, buildDirectory: Self.productsDirectory,
                                   swiftVersion: "test", runsFolder: runs)
        let chapter = try Self.repository.chapter(slug)
        let record = try await onOwnThread { try runner.run(chapter, echo: false) }
        #expect(record.failure == nil)
        #expect(!record.cells.isEmpty)
        #expect(record.cells.allSatisfy { $0.passed })
        #expect(record.cells.flatMap(\.checks).count >= record.cells.count / 2, "a chapter backs its claims with checks")
    }

    /// Where `swift test` put the chapter executables.
    static var productsDirectory: URL {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #else
        (Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") } ?? Bundle.main).bundleURL.deletingLastPathComponent()
        #endif
    }
}
