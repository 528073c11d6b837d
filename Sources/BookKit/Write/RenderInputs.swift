import Foundation
import Notebook

/// Everything a chapter's resolved page is made from, reduced to one fingerprint: its
/// prose, its last good run, the `.swift` files its cells' code comes from, every file
/// its directives name (`{{#include}}`, `{{#compile-fail}}`, `{{#tsan}}`), the compiler's
/// version (for the examples' diagnostics) and the builder itself. Two builds with the
/// same fingerprint resolve the chapter to the same page, so the second can reuse the first.
struct RenderInputs {
    /// Bumped when the cache's format or the meaning of a key changes.
    static let formatVersion = "1"

    let repository: Repository
    let compilerVersion: String

    /// The fingerprint, or `nil` when a named file cannot be found: then the chapter is
    /// resolved afresh, and the resolver reports the missing file with its `file:line`.
    func key(_ chapter: Chapter, record: ChapterRecord) -> String? {
        guard let prose = FileManager.default.contents(atPath: chapter.proseURL.path),
              let files = try? dependencies(chapter, prose: String(decoding: prose, as: UTF8.self)) else { return nil }
        var parts = [Self.formatVersion, Self.builderIdentity, compilerVersion, chapter.slug, Fingerprint.of(prose)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let run = try? encoder.encode(record) else { return nil }
        parts.append(Fingerprint.of(run))
        for url in files {
            guard let hash = Fingerprint.of(fileAt: url.path) else { return nil }
            parts.append("\(repository.relative(url))=\(hash)")
        }
        return Fingerprint.of(parts.joined(separator: "\n"))
    }

    /// The files a chapter's page is resolved from, besides its prose and its run.
    func dependencies(_ chapter: Chapter, prose text: String) throws -> [URL] {
        let prose = try Prose(path: chapter.prosePath, text: text)
        var files = try chapter.sourceFiles()
        var fence: String?
        for line in prose.lines {
            if let marker = fence {
                if line.text.trimmingCharacters(in: .whitespaces).hasPrefix(marker) { fence = nil }
                continue
            }
            if let marker = ChapterResolver.fenceMarker(line.text) {
                fence = marker
                continue
            }
            guard let directive = try Directive.block(in: line, path: prose.path) else { continue }
            switch directive.kind {
            case .include:
                files.append(try repository.resolve(ChapterResolver.splitInclude(directive.argument).path, relativeTo: chapter.folder))
            case .compileFail, .compileWarn, .run, .trap, .tsan:
                // `PATH` or `PATH FLAGS...`: the file is the first word.
                let path = directive.argument.split(separator: " ").first.map(String.init) ?? directive.argument
                files.append(try repository.resolve(path, relativeTo: chapter.folder))
            case .cell, .code, .output, .figure, .value:
                break
            }
        }
        return files
    }

    /// The running builder's executable, by size and modification time: a rebuilt builder
    /// may render differently, so it starts with a fresh cache. (Hashing its contents
    /// would cost more than most renders.)
    static let builderIdentity: String = {
        guard let path = Bundle.main.executableURL?.path,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown" }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()
}
