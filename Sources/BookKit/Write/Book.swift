import Foundation
import Notebook

/// The whole build, as `make book` and `make chapter-NN` drive it: run what is stale,
/// resolve every chapter, write the book. Progress goes to the terminal as it happens.
public struct Book {
    let repository: Repository
    let runner: ChapterRunner
    let examples: ExampleRunner
    let writer: BookWriter
    let say: @Sendable (String) -> Void

    public init(repository: Repository, buildDirectory: URL, swiftc: String, compilerVersion: String,
                say: @escaping @Sendable (String) -> Void) {
        self.repository = repository
        runner = ChapterRunner(repository: repository, buildDirectory: buildDirectory, swiftVersion: compilerVersion)
        examples = ExampleRunner(repository: repository, swiftc: swiftc, compilerVersion: compilerVersion)
        writer = BookWriter(repository: repository, folder: repository.root.appendingPathComponent("book"))
        self.say = say
    }

    /// `make book`: runs every chapter whose executable changed since its last good run.
    public func build() throws {
        let chapters = try repository.chapters()
        for chapter in chapters where chapter.isRunnable {
            if runner.isUpToDate(chapter) {
                say(progress(chapter, "up to date (last run \(runner.lastGoodRun(chapter)?.stamp.date ?? "?"))"))
            } else {
                say(progress(chapter, "running…"))
                let start = ContinuousClock.now
                let record = try runner.run(chapter, echo: false)
                say(progress(chapter, summary(record, seconds: (ContinuousClock.now - start).seconds)))
            }
        }
        try render(chapters)
    }

    /// `make chapter-NN`: runs one chapter in the terminal, then refreshes the book.
    public func runChapter(_ number: String) throws {
        let chapter = try repository.chapter(number)
        say(progress(chapter, "running \(chapter.productName)"))
        let start = ContinuousClock.now
        let record = try runner.run(chapter, echo: true)
        say(progress(chapter, summary(record, seconds: (ContinuousClock.now - start).seconds)))
        try render(try repository.chapters())
    }

    /// `make pages`: re-renders from the last good runs without running anything.
    public func renderOnly() throws {
        try render(try repository.chapters())
    }

    private func render(_ chapters: [Chapter]) throws {
        let start = ContinuousClock.now
        var contents: [BookWriter.Content] = []
        var exercises: [SolutionsPart.ChapterExercises] = []
        for chapter in chapters {
            if let record = runner.lastGoodRun(chapter) {
                let resolved = try ChapterResolver(repository: repository, chapter: chapter, record: record, examples: examples).resolve()
                resolved.notes.forEach { say("note: \($0)") }
                contents.append(.resolved(resolved))
                exercises.append(.init(chapter: chapter, title: resolved.title, exercises: record.exercises ?? []))
            } else {
                contents.append(.notRunYet(chapter, title: (try? Prose.read(chapter).title) ?? chapter.slug))
            }
        }
        try writer.write(contents, solutions: try SolutionsPart.make(repository: repository, chapters: exercises))
        say("book: wrote \(contents.count) chapter page(s), index.html, print.html and book.md to book/ in \(Format.duration((ContinuousClock.now - start).seconds))")
    }

    private func progress(_ chapter: Chapter, _ text: String) -> String {
        "[\(chapter.slug)] \(text)"
    }

    private func summary(_ record: ChapterRecord, seconds: Double) -> String {
        let checks = record.cells.reduce(0) { $0 + $1.checks.count }
        return "ok in \(Format.number(seconds, digits: 1)) s: \(record.cells.count) cells, \(checks) checks passed"
    }
}
