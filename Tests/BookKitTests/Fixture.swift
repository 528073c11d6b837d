import Foundation
@testable import BookKit
import Notebook

/// A throwaway repository in a temporary folder: a Package.swift, chapters with prose
/// and sources, and a build folder whose `chapter-NN` executables are links to the
/// fault-injection chapter.
final class Fixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("book-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        try write("Package.swift", "// fixture\n")
        for asset in Theme.assetNames { try write("book/theme/\(asset)", "/* \(asset) */\n") }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Live processes started by a run in this fixture: their environment names its folder.
    func livingProcesses() -> [Int32] {
        let needle = Array(root.path.utf8)
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return pids.filter { pid in
            guard let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true) else { return false }
            return Array(environ).firstRange(of: needle) != nil
        }
    }

    var repository: Repository { get throws { try Repository(root: root) } }

    /// A chapter folder with prose and a main.swift (so it counts as runnable).
    func chapter(_ slug: String, prose: String, sources: [String: String] = [:]) throws -> Chapter {
        try write("Chapters/\(slug)/README.md", prose)
        try write("Chapters/\(slug)/main.swift", "// the chapter's program\n")
        for (name, text) in sources { try write("Chapters/\(slug)/\(name)", text) }
        return try repository.chapter(String(slug.prefix(2)))
    }

    /// `build/chapter-NN` -> the fault chapter, which misbehaves according to NN.
    var buildDirectory: URL {
        get throws {
            let folder = root.appendingPathComponent("build")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for number in 1...19 {
                let link = folder.appendingPathComponent(String(format: "chapter-%02d", number))
                if !FileManager.default.fileExists(atPath: link.path) {
                    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Products.faultChapter)
                }
            }
            return folder
        }
    }

    func runner(budget: Double = 60, cellBudget: Double? = nil, outputCap: Int = 64 << 20) throws -> ChapterRunner {
        ChapterRunner(repository: try repository, buildDirectory: try buildDirectory, swiftVersion: "test", defaultBudget: budget,
                      cellBudget: cellBudget, outputCap: outputCap)
    }

    func resolver(_ chapter: Chapter, record: ChapterRecord) throws -> ChapterResolver {
        ChapterResolver(repository: try repository, chapter: chapter, record: record,
                        examples: ExampleRunner(repository: try repository, compilerVersion: "test"))
    }
}

/// Where `swift build` / `swift test` put this package's executables.
enum Products {
    static var directory: URL {
        #if os(Linux)
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent()
        #else
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") } ?? Bundle.main
        return bundle.bundleURL.deletingLastPathComponent()
        #endif
    }

    static var faultChapter: URL { directory.appendingPathComponent("fault-chapter") }
}

/// A run record with one cell, for resolver tests that need no real run.
func sampleRecord(stdout: String = "hello\n", stderr: String = "", figures: [FigureRecord] = []) -> ChapterRecord {
    ChapterRecord(
        stamp: RunStamp(date: "2026-01-01T00:00:00Z", operatingSystem: "TestOS", cores: 2, swiftVersion: "6.3", configuration: "release"),
        cells: [CellRecord(name: "greet", title: "Greet", seconds: 0.01, stdout: stdout, stderr: stderr,
                           checks: [CheckRecord(message: "it greets", passed: true, location: "x.swift:1")], figures: figures)],
        values: ["elapsed": ValueRecord(text: "0.21 s", number: 0.21, cell: "greet"),
                 "starry": ValueRecord(text: "a*b_c", number: nil, cell: "greet")])
}
