import Foundation

extension ExampleRunner.Mode {
    /// The mode a directive asks for; `nil` for directives that are not examples.
    init?(_ kind: Directive.Kind) {
        switch kind {
        case .compileFail: self = .compileFail
        case .compileWarn: self = .compileWarn
        case .run: self = .run
        case .trap: self = .trap
        case .tsan: self = .threadSanitizer
        default: return nil
        }
    }

    /// The label over the result in the book: whose words they are.
    var label: String {
        switch self {
        case .compileFail, .compileWarn: "The compiler says"
        case .run: "The program prints"
        case .trap: "The program traps"
        case .threadSanitizer: "ThreadSanitizer reports"
        }
    }
}

extension ChapterResolver {
    /// `{{#compile-fail}}`, `{{#compile-warn}}`, `{{#run}}`, `{{#trap}}`, `{{#tsan}}`: the
    /// example's code (its `shown` anchor if it has one, without the expectation lines) and
    /// what the compiler or the program said about it. A file already shown on this page
    /// (built again with other flags) is not shown again: only the new result is.
    func example(_ directive: Directive, location: String, shownExamples: inout Set<String>) throws -> Block {
        guard let mode = ExampleRunner.Mode(directive.kind) else {
            throw BookError("{{#\(directive.kind.rawValue)}} is not an example", at: location)
        }
        // `PATH` or `PATH FLAGS...`: the flags are added to the file's own.
        let words = directive.argument.split(separator: " ").map(String.init)
        let url = try resolveFile(words[0], location: location)
        let source = try AnchoredSource(contentsOf: url, displayPath: repository.relative(url))
        let result = try examples.run(mode, source: source, url: url, location: location,
                                      extraFlags: [words.dropFirst().joined(separator: " ")].filter { !$0.isEmpty })
        let shown = source.text(anchor: source.regions["shown"] != nil ? "shown" : nil) ?? ""
        let visible = shown.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.range(of: #"^// expect-[a-z-]+:"#, options: .regularExpression) == nil
            }
            .joined(separator: "\n")
        let command = result.command + (result.ending.map { "  # \($0)" } ?? "")
        let showCode = shownExamples.insert(source.path).inserted
        let code = (html: showCode ? Fragments.code(visible, language: "swift", source: source.path, anchor: nil) : "",
                    markdown: showCode ? MarkdownBlocks.code(visible, source: source.path, anchor: nil) + "\n\n" : "")
        if let summary = result.summary {
            // A sanitizer report: the lines that teach first, the whole report one click away.
            return Block(
                html: code.html
                    + Fragments.diagnostic(summary, command: command, label: "\(mode.label) (the essentials)")
                    + Fragments.details(summary: "ThreadSanitizer's whole report",
                                        Fragments.diagnostic(result.output, command: "", label: "ThreadSanitizer's whole report")),
                markdown: code.markdown
                    + MarkdownBlocks.diagnostic(summary, label: "\(mode.label) (the essentials): `\(command)`")
                    + "\n\n" + MarkdownBlocks.diagnostic(result.output, label: "ThreadSanitizer's whole report"))
        }
        return Block(
            html: code.html + Fragments.diagnostic(result.output, command: command, label: mode.label),
            markdown: code.markdown + MarkdownBlocks.diagnostic(result.output, label: "\(mode.label): `\(command)`"))
    }
}
