import Foundation
import Notebook

/// A chapter ready to be written: its prose with every directive replaced by what the
/// run produced, as an HTML fragment and as Markdown.
public struct ResolvedChapter: Sendable {
    public let chapter: Chapter
    public let title: String
    public let html: String
    public let markdown: String
    public let headings: [Heading]
    public let stamp: RunStamp?
    /// SVG files the Markdown book refers to, by file name (`figures/<name>.svg`).
    public let figureFiles: [String: String]
    /// Things worth saying that are not errors (a cell the prose never shows...).
    public let notes: [String]
}

/// Resolves one chapter's directives against its last good run.
///
/// Stage by stage: read the prose -> replace each block directive by a placeholder and
/// each `{{#value}}` by its text -> render the Markdown -> put each block's HTML (or
/// Markdown) where its placeholder stands.
public struct ChapterResolver {
    let repository: Repository
    let chapter: Chapter
    let record: ChapterRecord
    let examples: ExampleRunner

    public init(repository: Repository, chapter: Chapter, record: ChapterRecord, examples: ExampleRunner) {
        self.repository = repository
        self.chapter = chapter
        self.record = record
        self.examples = examples
    }

    /// One resolved block directive, in both output formats.
    struct Block {
        var html: String
        var markdown: String
    }

    public func resolve() throws -> ResolvedChapter {
        let prose = try Prose.read(chapter)
        if let heading = prose.lines.first(where: { $0.text.hasPrefix("# ") }),
           heading.text.range(of: #"^# [0-9]+ *[·.:-]"#, options: .regularExpression) != nil {
            throw BookError("the title should not carry the chapter's number: the book numbers chapters from their folders",
                            file: prose.path, line: heading.number)
        }
        let sources = try chapter.sourceFiles().map {
            try AnchoredSource(contentsOf: $0, displayPath: repository.relative($0))
        }
        let placedFigures = try figuresPlacedApart(in: prose)
        var blocks: [Block] = []
        var source: [String] = []
        var fence: String?
        var figureFiles: [String: String] = [:]
        var shownCells = Set<String>()
        var shownExamples = Set<String>()
        var renderedAnchors = RenderedAnchors()

        for line in prose.lines {
            if let marker = fence {
                if line.text.trimmingCharacters(in: .whitespaces).hasPrefix(marker) { fence = nil }
                source.append(line.text)
                continue
            }
            if let marker = Self.fenceMarker(line.text) {
                fence = marker
                source.append(line.text)
                continue
            }
            if let directive = try Directive.block(in: line, path: prose.path) {
                let location = "\(prose.path):\(directive.line)"
                try renderedAnchors.note(directive, location: location) { anchor in sources.first { $0.regions[anchor] != nil }?.path }
                var block = try resolve(directive, location: location, sources: sources, placedFigures: placedFigures,
                                        figureFiles: &figureFiles, shownExamples: &shownExamples)
                if directive.kind == .cell || directive.kind == .output { shownCells.insert(directive.argument) }
                block.html = "\n" + block.html + "\n"
                source.append(contentsOf: ["", Self.placeholder(blocks.count), ""])
                blocks.append(block)
            } else {
                source.append(try interpolateValues(line, path: prose.path))
            }
        }

        let markdownSource = source.joined(separator: "\n")
        let html = Self.fill(Markdown.toHTML(markdownSource), with: blocks.map(\.html), unwrapping: ("<p>", "</p>"))
        let markdown = Self.fill(markdownSource, with: blocks.map(\.markdown), unwrapping: nil)
        let unshown = record.cells.map(\.name).filter { !shownCells.contains($0) }
        return ResolvedChapter(
            chapter: chapter,
            title: prose.title ?? chapter.slug,
            html: html,
            markdown: markdown,
            headings: Markdown.headings(markdownSource),
            stamp: record.stamp,
            figureFiles: figureFiles,
            notes: unshown.map { "\(prose.path): cell '\($0)' ran but the prose never shows it" })
    }

    // MARK: Directives

    private func resolve(_ directive: Directive, location: String, sources: [AnchoredSource],
                         placedFigures: Set<String>, figureFiles: inout [String: String],
                         shownExamples: inout Set<String>) throws -> Block {
        switch directive.kind {
        case .code:
            return try code(anchor: directive.argument, sources: sources, location: location, required: true)!
        case .cell:
            let cell = try cell(named: directive.argument, location: location)
            let code = try self.code(anchor: cell.name, sources: sources, location: location, required: false)
            let output = self.output(of: cell, placedFigures: placedFigures, figureFiles: &figureFiles)
            return Block(html: (code?.html ?? "") + output.html,
                         markdown: [code?.markdown, output.markdown].compactMap { $0 }.joined(separator: "\n\n"))
        case .output:
            let cell = try cell(named: directive.argument, location: location)
            return output(of: cell, placedFigures: placedFigures, figureFiles: &figureFiles)
        case .figure:
            guard let figure = record.cells.flatMap(\.figures).first(where: { $0.name == directive.argument }) else {
                let known = record.cells.flatMap(\.figures).map(\.name)
                throw BookError("unknown figure '\(directive.argument)' (figures: \(known.isEmpty ? "none" : known.joined(separator: ", ")))", at: location)
            }
            return self.figure(figure, figureFiles: &figureFiles)
        case .include:
            return try include(directive.argument, location: location)
        case .compileFail, .compileWarn, .run, .trap, .tsan:
            return try example(directive, location: location, shownExamples: &shownExamples)
        case .value:
            throw BookError("{{#value}} belongs inside a sentence", at: location)
        }
    }

    private func cell(named name: String, location: String) throws -> CellRecord {
        guard let cell = record.cells.first(where: { $0.name == name }) else {
            throw BookError("unknown cell '\(name)' (cells: \(record.cells.map(\.name).joined(separator: ", ")))", at: location)
        }
        return cell
    }

    /// The code of `anchor` in the chapter's own files; it must be in exactly one of them.
    private func code(anchor: String, sources: [AnchoredSource], location: String, required: Bool) throws -> Block? {
        let holders = sources.filter { $0.regions[anchor] != nil }
        guard holders.count <= 1 else {
            throw BookError("anchor '\(anchor)' is in more than one file: \(holders.map(\.path).joined(separator: ", "))", at: location)
        }
        guard let source = holders.first, let text = source.text(anchor: anchor) else {
            guard required else { return nil }
            let known = sources.flatMap { $0.regions.keys }.sorted()
            throw BookError("unknown anchor '\(anchor)' in \(chapter.slug)'s .swift files (anchors: \(known.isEmpty ? "none" : known.joined(separator: ", ")))", at: location)
        }
        return Block(html: Fragments.code(text, language: "swift", source: source.path, anchor: anchor),
                     markdown: MarkdownBlocks.code(text, source: source.path, anchor: anchor))
    }

    private func output(of cell: CellRecord, placedFigures: Set<String>, figureFiles: inout [String: String]) -> Block {
        var html = Fragments.output(stdout: cell.stdout, stderr: cell.stderr) + Fragments.checks(cell.checks)
        var markdown = [MarkdownBlocks.output(stdout: cell.stdout, stderr: cell.stderr), MarkdownBlocks.checks(cell.checks)]
        for figure in cell.figures where !placedFigures.contains(figure.name) {
            let block = self.figure(figure, figureFiles: &figureFiles)
            html += block.html
            markdown.append(block.markdown)
        }
        return Block(html: html, markdown: markdown.filter { !$0.isEmpty }.joined(separator: "\n\n"))
    }

    private func figure(_ figure: FigureRecord, figureFiles: inout [String: String]) -> Block {
        let html: String
        switch figure {
        case .timeline(let timeline): html = Figures.timeline(timeline)
        case .bars(let chart): html = Figures.bars(chart)
        case .table(let table):
            return Block(html: Figures.table(table), markdown: MarkdownBlocks.table(table))
        }
        let file = "\(chapter.slug)-\(figure.name).svg"
        figureFiles[file] = Figures.svgFile(figure)
        return Block(html: html, markdown: MarkdownBlocks.figure(figure, file: "figures/\(file)"))
    }

    private func include(_ argument: String, location: String) throws -> Block {
        let (path, anchor) = Self.splitInclude(argument)
        let url = try resolveFile(path, location: location)
        let source = try AnchoredSource(contentsOf: url, displayPath: repository.relative(url))
        guard let text = source.text(anchor: anchor) else {
            throw BookError("unknown anchor '\(anchor ?? "")' in \(source.path) (anchors: \(source.regions.keys.sorted().joined(separator: ", ")))", at: location)
        }
        let language = url.pathExtension == "swift" ? "swift" : url.pathExtension
        return Block(html: Fragments.code(text, language: language, source: source.path, anchor: anchor),
                     markdown: MarkdownBlocks.code(text, source: source.path, anchor: anchor, language: language))
    }

    /// `path:anchor` or `path`.
    static func splitInclude(_ argument: String) -> (path: String, anchor: String?) {
        guard let colon = argument.lastIndex(of: ":") else { return (argument, nil) }
        return (String(argument[..<colon]), String(argument[argument.index(after: colon)...]))
    }

    func resolveFile(_ path: String, location: String) throws -> URL {
        let url: URL
        do { url = try repository.resolve(path, relativeTo: chapter.folder) } catch let error as BookError {
            throw BookError(error.message, at: location)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BookError("no file '\(path)' (looked for \(repository.relative(url)))", at: location)
        }
        return url
    }

    // MARK: Values and placeholders

    /// Replaces each `{{#value name}}` by the measured text; any other inline directive is an error.
    /// `\{{#` is the escape: it stands for a literal `{{#`, so prose can show a directive.
    private func interpolateValues(_ line: Prose.Line, path: String) throws -> String {
        try Directive.refuseSpaced(in: line, path: path)
        var result = ""
        var rest = Substring(line.text)
        while let open = rest.range(of: "{{#") {
            if rest[..<open.lowerBound].hasSuffix("\\") {
                result += rest[..<rest.index(before: open.lowerBound)] + "{{#"
                rest = rest[open.upperBound...]
                continue
            }
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw BookError("'{{#' without a closing '}}'", file: path, line: line.number)
            }
            let directive = try Directive.parse(String(rest[open.upperBound..<close.lowerBound]), line: line.number, path: path)
            guard directive.kind == .value else {
                throw BookError("{{#\(directive.kind.rawValue)}} must stand alone on its line", file: path, line: line.number)
            }
            guard let value = record.values[directive.argument] else {
                let known = record.values.keys.sorted()
                throw BookError("unknown value '\(directive.argument)' (values: \(known.isEmpty ? "none" : known.joined(separator: ", ")))", file: path, line: line.number)
            }
            result += MarkdownBlocks.escapeInline(value.text)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private func figuresPlacedApart(in prose: Prose) throws -> Set<String> {
        Set(try prose.lines.compactMap { try Directive.block(in: $0, path: prose.path) }
            .filter { $0.kind == .figure }.map(\.argument))
    }

    static func placeholder(_ index: Int) -> String { "BOOKBLOCK\(index)X" }

    /// Puts each block where its placeholder stands, in one pass over `text`. A
    /// placeholder the Markdown renderer wrapped in a paragraph loses the wrapper.
    static func fill(_ text: String, with blocks: [String], unwrapping wrapper: (open: String, close: String)?) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + blocks.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(text)
        while let found = rest.range(of: "BOOKBLOCK") {
            let digits = rest[found.upperBound...].prefix(while: \.isNumber)
            guard let index = Int(digits), index < blocks.count, rest[digits.endIndex...].hasPrefix("X") else {
                result += rest[..<found.upperBound]
                rest = rest[found.upperBound...]
                continue
            }
            var before = rest[..<found.lowerBound]
            var after = rest[rest.index(after: digits.endIndex)...]
            if let wrapper, before.hasSuffix(wrapper.open), after.hasPrefix(wrapper.close) {
                before = before.dropLast(wrapper.open.count)
                after = after.dropFirst(wrapper.close.count)
            }
            result += before
            result += blocks[index]
            rest = after
        }
        return result + rest
    }

    /// "```" or "~~~" (the run of fence characters) when `line` opens a fenced code block.
    static func fenceMarker(_ line: String) -> String? {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let run = trimmed.prefix(while: { $0 == first })
        return run.count >= 3 ? String(run) : nil
    }
}
