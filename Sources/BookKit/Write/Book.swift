import Foundation
import Notebook

/// The whole build, as `make book` and `make chapter-NN` drive it: run what is stale,
/// resolve every chapter, write the book. Progress goes to the terminal as it happens.
public struct Book {
    let repository: Repository
    let runner: ChapterRunner
    let examples: ExampleRunner
    let writer: BookWriter
    let cache: ResolvedChapterCache
    let say: @Sendable (String) -> Void

    public init(repository: Repository, buildDirectory: URL, swiftc: String, compilerVersion: String,
                say: @escaping @Sendable (String) -> Void) {
        self.repository = repository
        runner = ChapterRunner(repository: repository, buildDirectory: buildDirectory, swiftVersion: compilerVersion)
        examples = ExampleRunner(repository: repository, swiftc: swiftc, compilerVersion: compilerVersion)
        writer = BookWriter(repository: repository, folder: repository.root.appendingPathComponent("book"))
        cache = ResolvedChapterCache(repository: repository, compilerVersion: compilerVersion)
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

    /// Writes the book from each chapter's last good run, resolving only the chapters
    /// whose inputs changed; returns the files of `book/` it rewrote.
    @discardableResult
    func render(_ chapters: [Chapter], files: BookWriter.Files = .all) throws -> [String] {
        let start = ContinuousClock.now
        var contents: [BookWriter.Content] = []
        var resolvedAfresh = 0
        var exercises: [SolutionsPart.ChapterExercises] = []
        for chapter in chapters {
            if let record = runner.lastGoodRun(chapter) {
                let (resolved, reused) = try cache.resolved(chapter, record: record) {
                    try ChapterResolver(repository: repository, chapter: chapter, record: record, examples: examples).resolve()
                }
                if !reused { resolvedAfresh += 1 }
                resolved.notes.forEach { say("note: \($0)") }
                contents.append(.resolved(resolved))
                exercises.append(.init(chapter: chapter, title: resolved.title, exercises: record.exercises ?? []))
            } else {
                contents.append(.notRunYet(chapter, title: (try? Prose.read(chapter).title) ?? chapter.slug))
            }
        }
        let solutions = try SolutionsPart.make(repository: repository, chapters: exercises)
        let written = try writer.write(contents, solutions: solutions, files: files)
        say("book: \(contents.count) chapter(s), \(resolvedAfresh) resolved afresh; "
            + (written.isEmpty ? "book/ already up to date" : "rewrote \(Self.list(written)) in book/")
            + " in \(Format.duration((ContinuousClock.now - start).seconds))")
        return written
    }

    /// "a.html, b.html and 3 more files", for the one-line summary.
    private static func list(_ files: [String]) -> String {
        let shown = files.prefix(4).joined(separator: ", ")
        return files.count > 4 ? "\(shown) and \(files.count - 4) more file(s)" : shown
    }

    private func progress(_ chapter: Chapter, _ text: String) -> String {
        "[\(chapter.slug)] \(text)"
    }

    private func summary(_ record: ChapterRecord, seconds: Double) -> String {
        let checks = record.cells.reduce(0) { $0 + $1.checks.count }
        return "ok in \(Format.number(seconds, digits: 1)) s: \(record.cells.count) cells, \(checks) checks passed"
    }
}
