import Foundation
import Notebook

/// The book's Solutions part: for every chapter with exercises, each exercise's hints,
/// its checks and its reference solution, taken from the chapter's `ExerciseChecks.swift`
/// (anchors `exercise-K-checks`) and `Solutions.swift` (anchors `solution-K`). It stands
/// outside the chapters' flow: no chapter's pager leads to it; the sidebar lists it last,
/// and `book.md` has it after the last chapter.
struct SolutionsPart {
    static let href = "solutions.html"
    static let link = PageLink(number: "", title: "Solutions", href: href)

    let html: String
    let markdown: String
    let headings: [Heading]

    /// One chapter's exercises, as its last good run recorded them.
    struct ChapterExercises {
        let chapter: Chapter
        let title: String
        let exercises: [ExerciseRecord]
    }

    /// `nil` when no chapter has exercises.
    static func make(repository: Repository, chapters: [ChapterExercises]) throws -> SolutionsPart? {
        let withExercises = chapters.filter { !$0.exercises.isEmpty }
        guard !withExercises.isEmpty else { return nil }
        let intro = "Try an exercise before you read its solution: `make exercise-NN-K` says which checks still fail, "
            + "and `make hint-NN-K` gives a hint. Each solution below passes exactly the checks shown above it; "
            + "the test suite runs both for every exercise."
        var html = "<h1 id=\"solutions\">Solutions</h1>\n" + Markdown.toHTML(intro)
        var markdown = "# Solutions\n\n" + intro + "\n"
        var headings = [Heading(level: 1, text: "Solutions", id: "solutions")]
        for entry in withExercises {
            let chapter = entry.chapter
            let sources = try chapter.sourceFiles().map { try AnchoredSource(contentsOf: $0, displayPath: repository.relative($0)) }
            let chapterTitle = "\(Int(chapter.number) ?? 0). \(entry.title)"
            let chapterID = "solutions-\(chapter.slug)"
            html += "<h2 id=\"\(chapterID)\">\(HTML.escape(chapterTitle))</h2>\n"
            markdown += "\n## \(chapterTitle)\n"
            headings.append(Heading(level: 2, text: chapterTitle, id: chapterID))
            for exercise in entry.exercises {
                let heading = "Exercise \(chapter.number)-\(exercise.number): \(exercise.title)"
                let id = "solution-\(chapter.number)-\(exercise.number)"
                html += "<h3 id=\"\(id)\">\(HTML.escape(heading))</h3>\n"
                markdown += "\n### \(heading)\n\n"
                let run = "Run it: `make exercise-\(chapter.number)-\(exercise.number)`; the solution: `make solution-\(chapter.number)-\(exercise.number)`."
                let hints = exercise.hints.enumerated().map { "\($0.offset + 1). \(escapingMarkup($0.element))" }.joined(separator: "\n")
                let prose = run + (hints.isEmpty ? "" : "\n\nHints:\n\n" + hints)
                html += Markdown.toHTML(prose)
                markdown += prose + "\n"
                for (label, anchor) in [("What the checks ask:", "exercise-\(exercise.number)-checks"),
                                        ("The reference solution:", "solution-\(exercise.number)")] {
                    guard let source = sources.first(where: { $0.regions[anchor] != nil }), let code = source.text(anchor: anchor) else { continue }
                    html += "<p>\(label)</p>\n" + Fragments.code(code, language: "swift", source: source.path, anchor: anchor)
                    markdown += "\n\(label)\n\n" + MarkdownBlocks.code(code, source: source.path, anchor: anchor) + "\n"
                }
            }
        }
        return SolutionsPart(html: html, markdown: markdown, headings: headings)
    }

    /// A hint is plain text, with code in backticks: `<` outside a code span is text, not
    /// the start of an HTML tag (`Atomic<Int>` must not become an element).
    static func escapingMarkup(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index.isMultiple(of: 2) ? part.replacingOccurrences(of: "<", with: "&lt;") : String(part)
        }.joined(separator: "`")
    }

    var page: ChapterPage {
        ChapterPage(link: Self.link, bodyHTML: html, headings: headings.filter { $0.level == 2 }, stamp: nil,
                    sourceFolder: "Chapters", previous: nil, next: nil)
    }
}
