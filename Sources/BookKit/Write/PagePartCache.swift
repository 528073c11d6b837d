import Foundation

/// The parts of the whole-book files that come from one page: its section of
/// `print.html` and its entries in the search index. Making them (regular expressions
/// over every page's HTML) costs more than all the rest of writing an unchanged book,
/// so each is kept in `.book/cache/parts/<kind>-<page>.json` under the fingerprint of
/// what it was made from, and made again only when that changes. A long-lived builder
/// (`make watch`) also keeps them in memory.
struct PagePartCache: Sendable {
    let folder: URL
    private let memory = MemoryCache<String>()

    init(folder: URL) {
        self.folder = folder
    }

    private struct Entry: Codable {
        var key: String
        var text: String
    }

    /// The part `kind` of `page`, made from `inputs` by `make` unless kept from before.
    func part(_ kind: String, page: String, inputs: [String], make: () -> String) -> String {
        let key = Fingerprint.of(([kind, RenderInputs.formatVersion, RenderInputs.builderIdentity] + inputs).joined(separator: "\u{0}"))
        let url = folder.appendingPathComponent("\(kind)-\(page).json")
        if let kept = memory.value(for: url.path, key: key) { return kept }
        if let data = FileManager.default.contents(atPath: url.path),
           let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key {
            memory.keep(entry.text, for: url.path, key: key)
            return entry.text
        }
        let text = make()
        memory.keep(text, for: url.path, key: key)
        // A part that cannot be kept only costs time on the next build.
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? JSONEncoder().encode(Entry(key: key, text: text)).write(to: url, options: .atomic)
        return text
    }

    /// Everything of `page` its parts depend on, as text.
    static func inputs(_ page: ChapterPage) -> [String] {
        [page.link.number, page.link.title, page.link.href, page.bodyHTML, page.sourceFolder,
         page.headings.map { "\($0.level) \($0.id) \($0.text)" }.joined(separator: "\n"),
         page.stamp.map { "\($0)" } ?? "-"]
    }
}
