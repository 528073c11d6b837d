import Foundation
import Notebook

/// Resolved chapters kept in `.book/cache/pages/<slug>.json`, each under the fingerprint
/// of its inputs (`RenderInputs`). Resolving a chapter (Markdown, highlighting, figures)
/// is most of the cost of writing the book; a chapter whose inputs did not change is
/// read back instead.
struct ResolvedChapterCache: Sendable {
    let folder: URL
    let inputs: RenderInputs
    /// The entries read or made by this process, so a long-lived builder (`make watch`)
    /// does not decode them again on every save.
    private let memory = MemoryCache<ResolvedChapter>()

    init(repository: Repository, compilerVersion: String) {
        folder = repository.root.appendingPathComponent(".book/cache/pages")
        inputs = RenderInputs(repository: repository, compilerVersion: compilerVersion)
    }

    /// What a resolved chapter holds, minus the chapter itself, in a form JSON can keep.
    private struct Entry: Codable {
        struct SavedHeading: Codable {
            var level: Int
            var text: String
            var id: String
        }

        var key: String
        var title: String
        var html: String
        var markdown: String
        var headings: [SavedHeading]
        var stamp: RunStamp?
        var figureFiles: [String: String]
        var notes: [String]
    }

    /// The chapter resolved against `record`: from the cache when its inputs are the ones
    /// it was resolved from last time, otherwise by `resolve`, whose result is then kept.
    /// `reused` says which.
    func resolved(_ chapter: Chapter, record: ChapterRecord,
                  resolve: () throws -> ResolvedChapter) throws -> (chapter: ResolvedChapter, reused: Bool) {
        guard let key = inputs.key(chapter, record: record) else { return (try resolve(), false) }
        let url = folder.appendingPathComponent("\(chapter.slug).json")
        if let kept = memory.value(for: chapter.slug, key: key) { return (kept, true) }
        if let data = FileManager.default.contents(atPath: url.path),
           let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key {
            let kept = ResolvedChapter(chapter: chapter, title: entry.title, html: entry.html, markdown: entry.markdown,
                                       headings: entry.headings.map { Heading(level: $0.level, text: $0.text, id: $0.id) },
                                       stamp: entry.stamp, figureFiles: entry.figureFiles, notes: entry.notes)
            memory.keep(kept, for: chapter.slug, key: key)
            return (kept, true)
        }
        let fresh = try resolve()
        memory.keep(fresh, for: chapter.slug, key: key)
        let entry = Entry(key: key, title: fresh.title, html: fresh.html, markdown: fresh.markdown,
                          headings: fresh.headings.map { Entry.SavedHeading(level: $0.level, text: $0.text, id: $0.id) },
                          stamp: fresh.stamp, figureFiles: fresh.figureFiles, notes: fresh.notes)
        // A cache that cannot be written only costs time on the next build.
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? JSONEncoder().encode(entry).write(to: url, options: .atomic)
        return (fresh, false)
    }
}
