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
    let history: RunHistory
    /// Where `make book` left the compiler's output for each chapter that did not compile
    /// (`chapter-NN.log`), when it had to build them one by one.
    let compileFailures: URL?
    let compilerVersion: String
    let say: @Sendable (String) -> Void

    public init(repository: Repository, buildDirectory: URL, swiftc: String, compilerVersion: String,
                compileFailures: URL? = nil, say: @escaping @Sendable (String) -> Void) {
        self.repository = repository
        self.compileFailures = compileFailures
        self.compilerVersion = compilerVersion
        runner = ChapterRunner(repository: repository, buildDirectory: buildDirectory, swiftVersion: compilerVersion)
        history = RunHistory(runsFolder: runner.runsFolder)
        examples = ExampleRunner(repository: repository, swiftc: swiftc, compilerVersion: compilerVersion)
        writer = BookWriter(repository: repository, folder: repository.root.appendingPathComponent("book"))
        cache = ResolvedChapterCache(repository: repository, compilerVersion: compilerVersion)
        self.say = say
    }

    /// `make book`: runs every chapter whose executable changed since its last good run.
    /// A chapter that does not compile or fails does not stop the others: every page is
    /// rendered (a failed chapter keeps its last good output, marked as such), then the
    /// build fails with the list of what failed.
    public func build() throws {
        let chapters = try repository.chapters()
        var failed: [String] = []
        for chapter in chapters where chapter.isRunnable {
            if let compilerOutput = compileFailure(of: chapter) {
                let message = "chapter \(chapter.slug) does not compile:\n" + compilerOutput
                say(progress(chapter, "FAILED: does not compile"))
                history.recordFailure(message, of: chapter)
                failed.append(message)
            } else if runner.isUpToDate(chapter) {
                // The same executable made the last good run: its output is current even if
                // a source file changed in a way the compiler ignores (a comment), and a
                // failure recorded since (of code that was then reverted) is no longer news.
                history.refreshSources(of: chapter)
                history.clearFailure(of: chapter)
                say(progress(chapter, "up to date (last run \(runner.lastGoodRun(chapter)?.stamp.date ?? "?"))"))
            } else {
                say(progress(chapter, "running…"))
                let start = ContinuousClock.now
                do {
                    let record = try runner.run(chapter, echo: false)
                    history.clearFailure(of: chapter)
                    say(progress(chapter, summary(record, seconds: (ContinuousClock.now - start).seconds)))
                } catch let error as BookError {
                    say(progress(chapter, "FAILED"))
                    history.recordFailure(error.description, of: chapter)
                    failed.append(error.description)
                }
            }
        }
        try render(chapters)
        if !failed.isEmpty {
            throw BookError("\(failed.count) chapter(s) failed; every other page was written, and each failed chapter keeps its last good output:\n\n"
                            + failed.joined(separator: "\n\n"))
        }
    }

    /// `make chapter-NN`: runs one chapter in the terminal, then refreshes the book
    /// (also when the run failed: the page then says its output is older).
    public func runChapter(_ number: String) throws {
        let chapter = try repository.chapter(number)
        guard chapter.isRunnable else {
            say(progress(chapter, "prose only (no main.swift): nothing to run"))
            try render(try repository.chapters())
            return
        }
        say(progress(chapter, "running \(chapter.productName)"))
        let start = ContinuousClock.now
        do {
            let record = try runner.run(chapter, echo: true)
            history.clearFailure(of: chapter)
            say(progress(chapter, summary(record, seconds: (ContinuousClock.now - start).seconds)))
        } catch let error as BookError {
            history.recordFailure(error.description, of: chapter)
            // The run's failure is the news; a page that cannot be rendered must not hide it.
            do { try render(try repository.chapters()) } catch { say("note: the book could not be rendered either: \(error)") }
            throw error
        }
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
                    try explainingCompilerDifferences {
                        try ChapterResolver(repository: repository, chapter: chapter, record: record, examples: examples).resolve()
                    }
                }
                if !reused { resolvedAfresh += 1 }
                resolved.notes.forEach { say("note: \($0)") }
                let notice = StaleNotice(chapter: chapter, stamp: record.stamp, failure: history.latestFailure(of: chapter),
                                         changedSources: history.changedSources(of: chapter),
                                         changedAnchors: history.changedAnchors(of: chapter))
                contents.append(.resolved(notice.applied(to: resolved)))
                exercises.append(.init(chapter: chapter, title: resolved.title, exercises: record.exercises ?? []))
            } else {
                contents.append(.notRunYet(chapter, title: (try? Prose.read(chapter).title) ?? chapter.slug))
            }
        }
        let solutions = try SolutionsPart.make(repository: repository, chapters: exercises)
        let written = try writer.write(contents, solutions: solutions, files: files)
        let removed = removeLeftovers(of: chapters)
        if !removed.isEmpty { say("book: removed what chapters that no longer exist left: \(removed.joined(separator: ", "))") }
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

    /// Pages, figures and runs of chapters that were deleted or renamed: `book/NN-name.html`,
    /// `book/figures/NN-name-*.svg`, `.book/runs/NN-name/`. Returns what it removed.
    private func removeLeftovers(of chapters: [Chapter]) -> [String] {
        let slugs = Set(chapters.map(\.slug))
        let isChapterName = /^[0-9]{2}-[A-Za-z0-9-]+/
        let fm = FileManager.default
        var removed: [String] = []
        func sweep(_ folder: URL, owner: (String) -> String?) {
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard name.prefixMatch(of: isChapterName) != nil, let slug = owner(name), !slugs.contains(slug) else { continue }
                let url = folder.appendingPathComponent(name)
                if (try? fm.removeItem(at: url)) != nil { removed.append(repository.relative(url)) }
            }
        }
        let book = repository.root.appendingPathComponent("book")
        sweep(book) { $0.hasSuffix(".html") ? String($0.dropLast(5)) : nil }
        // A figure is `<slug>-<name>.svg`: it belongs to a current chapter if one's slug starts it.
        sweep(book.appendingPathComponent("figures")) { name in
            slugs.contains { name.hasPrefix($0 + "-") } ? nil : name
        }
        sweep(runner.runsFolder) { name in
            if name.hasSuffix(".failed.json") { return String(name.dropLast(".failed.json".count)) }
            return name.contains(".") ? nil : name  // `.running-PID` folders are not this sweep's
        }
        return removed.sorted()
    }

    /// The compiler the compile-fail expectations (`// expect-error:`) were written against:
    /// they quote its diagnostics word for word.
    public static let testedCompilerVersion = "6.3.1"

    /// A compile-fail expectation that no longer matches, on another compiler than the
    /// tested one, is most likely a change of wording: the message says so.
    private func explainingCompilerDifferences<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as BookError
            where error.message.contains("no longer contains") && compilerVersion != Self.testedCompilerVersion {
            throw BookError(error.message + "\n(The book's expectations quote Swift \(Self.testedCompilerVersion)'s diagnostics; this is Swift "
                            + "\(compilerVersion), whose wording may differ. The example's point stands if the diagnostic above says the same thing.)",
                            at: error.location)
        }
    }

    /// The compiler's errors for `chapter`, if `make book` found that it does not compile.
    private func compileFailure(of chapter: Chapter) -> String? {
        guard let folder = compileFailures,
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(chapter.productName).log").path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains("error:") }
        return (errors.isEmpty ? Array(lines.suffix(15)) : Array(errors.prefix(15))).joined(separator: "\n")
    }

    private func progress(_ chapter: Chapter, _ text: String) -> String {
        "[\(chapter.slug)] \(text)"
    }

    private func summary(_ record: ChapterRecord, seconds: Double) -> String {
        let checks = record.cells.reduce(0) { $0 + $1.checks.count }
        return "ok in \(Format.number(seconds, digits: 1)) s: \(record.cells.count) cells, \(checks) checks passed"
    }
}
