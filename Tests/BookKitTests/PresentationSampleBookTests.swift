import Foundation
import Testing
@testable import BookKit
import Notebook

/// Builds a small book with every kind of content (prose, callouts, highlighted code,
/// output with stderr, checks, a timeline, a bar chart, a wide table, a diagnostic) and
/// writes it with the theme's assets, the way the builder does.
///
/// Set `SAMPLE_BOOK_DIR=/tmp/sample-book` to keep it for a look in a browser or for
/// `tools/check-book /tmp/sample-book`; otherwise it goes to a temporary folder.
@Suite("Sample book")
struct PresentationSampleBookTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let toc = [
        PageLink(number: "1", title: "Threads", href: "01-threads.html"),
        PageLink(number: "2", title: "Locks", href: "02-locks.html"),
        PageLink(number: "3", title: "Queues", href: "03-queues.html"),
    ]

    static let stamp = RunStamp(date: "2026-11-21T09:50:17Z", operatingSystem: "Linux (Debian GNU/Linux 12)",
                                cores: 2, swiftVersion: "6.3.1", configuration: "release")

    /// What the Swift highlighter produces, written out by hand so the sample shows every token colour.
    static let highlighted = """
    <span class="tok-comment">// Five threads, each sleeping 50 ms: together they take about 50 ms, not 250.</span>
    <span class="tok-attribute">@MainActor</span>
    <span class="tok-keyword">func</span> fiveWorkers(<span class="tok-keyword">_</span> cell: <span class="tok-type">Cell</span>) {
        <span class="tok-keyword">let</span> timeline = cell.<span class="tok-function-call">timeline</span>(<span class="tok-string">"five-workers"</span>, <span class="tok-string">"Five workers"</span>)
        <span class="tok-keyword">let</span> group = <span class="tok-type">DispatchGroup</span>()
        <span class="tok-keyword">for</span> worker <span class="tok-keyword">in</span> <span class="tok-number">1</span>...<span class="tok-number">5</span> {
            group.<span class="tok-function-call">enter</span>()
            <span class="tok-type">Thread</span>.<span class="tok-function-call">detachNewThread</span> {
                timeline.<span class="tok-function-call">span</span>(lane: <span class="tok-string">"worker-\\(worker)"</span>, label: <span class="tok-string">"sleep"</span>) { <span class="tok-function-call">usleep</span>(<span class="tok-number">50_000</span>) }
                group.<span class="tok-function-call">leave</span>()
            }
        }
        <span class="tok-directive">#if</span> canImport(Glibc)
        group.<span class="tok-function-call">wait</span>()
        <span class="tok-directive">#endif</span>
    }
    """

    static func chapterOneBody() -> String {
        var code = Fragments.code("placeholder", language: "swift", source: "Chapters/01-threads/Workers.swift", anchor: "five-workers")
        code = code.replacingOccurrences(of: "<code>placeholder</code>", with: "<code>\(highlighted)</code>")
        let timeline = TimelineRecord(name: "five-workers", title: "Five workers, each sleeping 50 ms (main waits for all)", spans:
            (1...5).map { SpanRecord(lane: "worker-\($0)", label: "sleep", start: 0.0004 * Double($0), end: 0.0004 * Double($0) + 0.0505) }
            + [SpanRecord(lane: "main", label: "wait for the group", start: 0.0001, end: 0.0532),
               SpanRecord(lane: "worker-1", label: "compute", start: 0.058, end: 0.121),
               SpanRecord(lane: "worker-3", label: "wait lock", start: 0.056, end: 0.061),
               SpanRecord(lane: "worker-3", label: "compute", start: 0.061, end: 0.119)])
        let bars = BarChartRecord(name: "speedup", title: "Sequential against concurrent sleeping", unit: "s", bars: [
            Bar("sequential (5 × 50 ms)", 0.2531, ideal: 0.25),
            Bar("five threads", 0.0538, ideal: 0.05),
            Bar("DispatchQueue.concurrentPerform", 0.1062, ideal: 0.05),
        ])
        let table = TableRecord(name: "runs", title: "Five runs of the same program", header: ["run", "elapsed", "threads", "max lanes busy", "speed-up", "note"], rows: [
            ["1", "0.0538 s", "5", "5", "4.70×", "first run, cold caches"],
            ["2", "0.0521 s", "5", "5", "4.86×", "–"],
            ["3", "0.0611 s", "5", "4", "4.14×", "another build was running"],
        ])
        return """
        <h1 id="threads">Threads</h1>
        <p>A thread is a line of execution the operating system schedules on a core. This chapter starts five of them and measures what they cost. Python's <code>threading.Thread</code> becomes <code>Thread.detachNewThread</code>; <code>join()</code> becomes a <code>DispatchGroup</code>.</p>
        <div class="callout callout-tip">
        <p class="callout-title">Tip</p>
        <p>Run this chapter yourself with <code>make chapter-01</code>; the numbers below come from the run stated under the title.</p>
        </div>
        <h2 id="five-workers-sleep-at-once">Five workers sleep at once</h2>
        <p>Each worker sleeps 50 ms. Started together, they should all finish after about 50 ms.</p>
        \(code)\(Fragments.output(stdout: "worker-2 done\nworker-1 done\nworker-5 done\nworker-3 done\nworker-4 done\nall five finished in 0.0538 s (ideal 0.050 s)\n", stderr: "warning: <stderr> line from the child process\n"))\(Fragments.checks([
            CheckRecord(message: "all 5 workers finished", passed: true, location: "Workers.swift:31"),
            CheckRecord(message: "concurrent 0.054 s < 0.5 × sequential 0.253 s", passed: true, location: "Workers.swift:33"),
        ]))\(Figures.timeline(timeline))
        <div class="callout callout-warning">
        <p class="callout-title">Warning</p>
        <p>The order of the “done” lines changes from run to run: the output above is one interleaving of many.</p>
        </div>
        <h2 id="how-much-faster">How much faster?</h2>
        <p>Sleeping does not use a core, so five sleepers overlap even on two cores: measured 0.0538 s against the ideal 0.050 s.</p>
        \(Figures.bars(bars))\(Figures.table(table))
        <h2 id="a-race-the-compiler-catches">A race the compiler catches</h2>
        <p>Swift 6 refuses to compile a closure that mutates a captured variable from several threads:</p>
        \(Fragments.code("func race() {\n    var count = 0\n    DispatchQueue.concurrentPerform(iterations: 4) { _ in\n        count += 1\n    }\n}", language: "swift", source: "Chapters/01-threads/compile-fail/race.swift", anchor: nil))\(Fragments.diagnostic("race.swift:4:9: error: mutation of captured var 'count' in concurrently-executing code\n        count += 1\n        ^\nrace.swift:1:6: note: function declared here\n", command: "swiftc -swift-version 6 -typecheck compile-fail/race.swift"))
        <div class="callout callout-note">
        <p class="callout-title">Note</p>
        <p>See <a href="02-locks.html#mutex">the next chapter</a> for the fix.</p>
        </div>
        <h2 id="exercises">Exercises</h2>
        <ol>
        <li>Start ten workers instead of five. What does the timeline look like on two cores?</li>
        <li>Replace the group with <code>pthread_join</code>.</li>
        </ol>

        """
    }

    static func pages() -> [ChapterPage] {
        let bodies = [
            chapterOneBody(),
            "<h1 id=\"locks\">Locks</h1>\n<p>Mutual exclusion.</p>\n<h2 id=\"mutex\">Mutex</h2>\n<p>Back to <a href=\"01-threads.html#five-workers-sleep-at-once\">the workers</a>.</p>\n\(Fragments.output(stdout: "<script>alert('escaped')</script>\n", stderr: ""))<h2 id=\"exercises\">Exercises</h2>\n<p>None yet.</p>\n",
            "<h1 id=\"queues\">Queues</h1>\n<p>Producers and consumers.</p>\n<h2 id=\"exercises\">Exercises</h2>\n<p>None yet.</p>\n",
        ]
        let headings: [[Heading]] = [
            [Heading(level: 1, text: "Threads", id: "threads"), Heading(level: 2, text: "Five workers sleep at once", id: "five-workers-sleep-at-once"),
             Heading(level: 2, text: "How much faster?", id: "how-much-faster"), Heading(level: 2, text: "A race the compiler catches", id: "a-race-the-compiler-catches"),
             Heading(level: 2, text: "Exercises", id: "exercises")],
            [Heading(level: 1, text: "Locks", id: "locks"), Heading(level: 2, text: "Mutex", id: "mutex"), Heading(level: 2, text: "Exercises", id: "exercises")],
            [Heading(level: 1, text: "Queues", id: "queues"), Heading(level: 2, text: "Exercises", id: "exercises")],
        ]
        return toc.indices.map { i in
            ChapterPage(link: toc[i], bodyHTML: bodies[i], headings: headings[i], stamp: i == 2 ? nil : stamp,
                        sourceFolder: "Chapters/\(toc[i].href.dropLast(5))",
                        previous: i > 0 ? toc[i - 1] : nil, next: i + 1 < toc.count ? toc[i + 1] : nil)
        }
    }

    /// Writes the sample book into `folder` and returns the names of the pages written.
    static func write(to folder: URL) throws -> [String] {
        let fm = FileManager.default
        let assets = folder.appendingPathComponent(Theme.assetsFolder)
        try fm.createDirectory(at: assets, withIntermediateDirectories: true)
        for name in Theme.assetNames {
            let source = repositoryRoot.appendingPathComponent("book/theme/\(name)")
            let target = assets.appendingPathComponent(name)
            try? fm.removeItem(at: target)
            try fm.copyItem(at: source, to: target)
        }
        let pages = pages()
        let title = "Concurrency in Swift"
        var files: [String: String] = [
            "index.html": PageTemplate.index(toc: toc, introHTML: "<h1>Concurrency in Swift</h1>\n<p>A runnable book: every number on these pages was measured by the run named on the page.</p>\n", bookTitle: title),
            PageTemplate.wholeBookHref: PageTemplate.wholeBook(pages, bookTitle: title),
            SearchIndex.relativePath: SearchIndex.script(pages),
        ]
        for page in pages { files[page.link.href] = PageTemplate.chapter(page, toc: toc, bookTitle: title) }
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // The source folders the pages link to, so link checks of the sample pass.
        for page in pages {
            try fm.createDirectory(at: folder.deletingLastPathComponent().appendingPathComponent(page.sourceFolder), withIntermediateDirectories: true)
        }
        return files.keys.sorted()
    }

    @Test("The sample book is written with its assets, and every page link points at a written page")
    func sampleBook() throws {
        let folder: URL
        if let kept = ProcessInfo.processInfo.environment["SAMPLE_BOOK_DIR"] {
            folder = URL(fileURLWithPath: kept)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-book-\(UUID().uuidString)/book")
        }
        let written = try Self.write(to: folder)
        #expect(written.contains("index.html"))
        #expect(written.contains("01-threads.html"))
        for name in Theme.assetNames {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("assets/\(name)").path))
        }
        for name in written where name.hasSuffix(".html") {
            let html = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in html.matches(of: #/href="([0-9a-z-]+\.html)/#) {
                #expect(written.contains(String(match.output.1)), "\(name) links to missing \(match.output.1)")
            }
            #expect(!html.contains("<script>alert"))
        }
        if ProcessInfo.processInfo.environment["SAMPLE_BOOK_DIR"] == nil {
            try FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
    }
}
