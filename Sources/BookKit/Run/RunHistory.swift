import Foundation

/// What the book remembers about a chapter's runs besides its last good one: the latest
/// failed run (so the page can say its output is older than the latest try), and the
/// fingerprints of the sources the last good run was built from (so a page rendered
/// later can say which files changed since).
public struct RunHistory: Sendable {
    let runsFolder: URL

    public init(runsFolder: URL) {
        self.runsFolder = runsFolder
    }

    public struct Failure: Codable, Sendable, Equatable {
        public var date: String
        public var message: String
    }

    private func failureFile(_ chapter: Chapter) -> URL { runsFolder.appendingPathComponent("\(chapter.slug).failed.json") }
    private func sourcesFile(_ chapter: Chapter) -> URL { runsFolder.appendingPathComponent("\(chapter.slug)/sources.json") }

    public func recordFailure(_ message: String, of chapter: Chapter) {
        try? FileManager.default.createDirectory(at: runsFolder, withIntermediateDirectories: true)
        let failure = Failure(date: Date().formatted(.iso8601), message: message)
        try? JSONEncoder().encode(failure).write(to: failureFile(chapter), options: .atomic)
    }

    public func clearFailure(of chapter: Chapter) {
        try? FileManager.default.removeItem(at: failureFile(chapter))
    }

    public func latestFailure(of chapter: Chapter) -> Failure? {
        guard let data = FileManager.default.contents(atPath: failureFile(chapter).path) else { return nil }
        return try? JSONDecoder().decode(Failure.self, from: data)
    }

    /// Fingerprints of the chapter's `.swift` files now, by file name.
    static func sourceFingerprints(of chapter: Chapter) -> [String: String] {
        var result: [String: String] = [:]
        for url in (try? chapter.sourceFiles()) ?? [] {
            result[url.lastPathComponent] = Fingerprint.of(fileAt: url.path)
        }
        return result
    }

    /// Fingerprints of each anchored region (a cell's code is the region named like the
    /// cell) in the chapter's `.swift` files now, by anchor name.
    static func anchorFingerprints(of chapter: Chapter) -> [String: String] {
        var result: [String: String] = [:]
        for url in (try? chapter.sourceFiles()) ?? [] {
            guard let source = try? AnchoredSource(contentsOf: url, displayPath: url.lastPathComponent) else { continue }
            for name in source.regions.keys { result[name] = source.text(anchor: name).map(Fingerprint.of) }
        }
        return result
    }

    /// Saved with a good run, into its folder (`folder` is that run's staging folder).
    static func saveSources(of chapter: Chapter, into folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(sourceFingerprints(of: chapter)).write(to: folder.appendingPathComponent("sources.json"))
        try encoder.encode(anchorFingerprints(of: chapter)).write(to: folder.appendingPathComponent("anchors.json"))
    }

    /// Anchored regions (cells' code) whose text differs from the last good run's, or that
    /// it did not have; empty when that run did not record them.
    public func changedAnchors(of chapter: Chapter) -> Set<String> {
        let url = runsFolder.appendingPathComponent("\(chapter.slug)/anchors.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let then = try? JSONDecoder().decode([String: String].self, from: data) else { return [] }
        return Set(Self.anchorFingerprints(of: chapter).filter { then[$0.key] != $0.value }.keys)
    }

    /// Records the current sources as those of the last good run, when it has a folder.
    func refreshSources(of chapter: Chapter) {
        let folder = runsFolder.appendingPathComponent(chapter.slug)
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        try? Self.saveSources(of: chapter, into: folder)
    }

    /// Source files added, removed or changed since the last good run; `nil` when that run
    /// did not record its sources (it came from an older builder).
    public func changedSources(of chapter: Chapter) -> [String]? {
        guard let data = FileManager.default.contents(atPath: sourcesFile(chapter).path),
              let then = try? JSONDecoder().decode([String: String].self, from: data) else { return nil }
        let now = Self.sourceFingerprints(of: chapter)
        return Set(then.keys).union(now.keys).filter { then[$0] != now[$0] }.sorted()
    }
}
