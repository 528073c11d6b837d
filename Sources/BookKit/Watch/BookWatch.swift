import Foundation
import Notebook

/// `make watch`: serves `book/` on 127.0.0.1, watches `Chapters/`, `Sources/` and the
/// theme, and on every save does the least that brings the pages up to date:
///
/// - prose: re-render (only the changed chapter is resolved again), then every open tab
///   on a changed page reloads itself, keeping its scroll position;
/// - a chapter's code: `swift build --product chapter-NN`, then run it in the terminal,
///   with the open pages showing "chapter 05: running cell 7 of 16"; a failed build or
///   run leaves the last good page and shows the error over it until it is fixed;
/// - with an exercise to watch (`--exercise 03-1`), that chapter's code changes rebuild
///   the chapter and run `chapter-03 exercise 1` in the terminal instead.
///
/// Ctrl-C (SIGINT) or SIGTERM stops the watcher, the server and every process it
/// started, waits for the work in progress to end (so no half-written file stays in
/// `book/` or `.book/`), and `run()` returns.
public final class BookWatch: @unchecked Sendable {
    public struct Options: Sendable {
        /// The `swift` that builds chapters (the Makefile's `SWIFT`).
        public var swift = "swift"
        public var configuration = "release"
        public var port: UInt16 = 0
        /// `(chapter "03", exercise 1)` to re-run an exercise on save.
        public var exercise: (chapter: String, number: Int)?

        public init() {}
    }

    private let repository: Repository
    private let book: Book
    private let options: Options
    private let say: @Sendable (String) -> Void
    private let children = WatchChildren()
    private let lock = NSLock()
    // Guarded by `lock`:
    private var stopping = false
    private var status = WatchStatus()
    private var server: PreviewServer?

    public init(repository: Repository, book: Book, options: Options, say: @escaping @Sendable (String) -> Void) {
        self.repository = repository
        self.book = book
        self.options = options
        self.say = say
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    /// Serves and watches until stopped (Ctrl-C, SIGTERM or `stop()`).
    public func run() throws {
        children.mark()
        let signals = interruptHandlers()
        defer { signals.forEach { $0.cancel() } }
        let server = try PreviewServer(folder: repository.root.appendingPathComponent("book"),
                                       clientScript: repository.root.appendingPathComponent("book/theme/live-reload.js"),
                                       port: options.port)
        lock.withLock { self.server = server }
        server.start()
        say("watch: serving book/ at \(server.url) (127.0.0.1 only); watching Chapters/, Sources/ and book/theme/. Ctrl-C stops.")

        let watcher = FileWatcher(roots: ["Chapters", "Sources", "book/theme"].map { repository.root.appendingPathComponent($0) })
        let before = watcher.snapshot()
        buildStale()
        if let exercise = options.exercise { runExercise(exercise) }
        watcher.run(from: before, shouldStop: { isStopping }) { paths in
            handle(WatchedChange(paths: paths, root: repository.root.path), paths: paths)
        }
        server.stop()
        removeLeftovers()
        say("watch: stopped; the server, the watcher and every process they started have ended.")
    }

    /// Stops from any thread: ends every child now, so the work in progress returns.
    public func stop() {
        let first = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        let ended = children.endAll()
        if ended > 0 { say("watch: stopped \(ended) process(es) it had started") }
    }

    // MARK: Work

    private func handle(_ change: WatchedChange, paths: [String]) {
        let shown = paths.prefix(3).map { repository.relative(URL(fileURLWithPath: $0)) }.joined(separator: ", ")
        say("watch: changed \(shown)\(paths.count > 3 ? " and \(paths.count - 3) more" : "")")
        if change.builder {
            say("watch: the builder's own sources changed; this watcher still runs the old builder. Restart `make watch` to use the new one.")
        }
        let exerciseChapter = options.exercise.flatMap { try? repository.chapter($0.chapter) }
        if change.libraries {
            if build(product: nil, key: "build", chapter: "the libraries") {
                for chapter in (try? repository.chapters()) ?? [] where chapter.isRunnable && !book.runner.isUpToDate(chapter) {
                    guard !isStopping else { return }
                    run(chapter)
                }
                if let exercise = options.exercise { runExercise(exercise) }
            }
        } else {
            for slug in change.chapterCode.sorted() {
                guard !isStopping, let chapter = try? repository.chapter(slug), chapter.isRunnable else { continue }
                if chapter.slug == exerciseChapter?.slug, let exercise = options.exercise {
                    runExercise(exercise)
                } else if build(product: chapter.productName, key: "build \(chapter.slug)", chapter: "chapter \(chapter.number)") {
                    run(chapter)
                }
            }
        }
        guard !isStopping, change.render else { return }
        render()
    }

    /// Startup: run the chapters whose executables changed since their last good run.
    private func buildStale() {
        for chapter in (try? repository.chapters()) ?? [] where chapter.isRunnable && !book.runner.isUpToDate(chapter) {
            guard !isStopping else { return }
            run(chapter)
        }
        if !isStopping { render() }
    }

    /// `swift build` of one product (or everything); false, with a failure shown, if it fails.
    private func build(product: String?, key: String, chapter: String) -> Bool {
        update(working: "\(chapter): building…")
        say("watch: \(chapter): building…")
        let folder = repository.root.appendingPathComponent(".book/watch")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("build-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let arguments = ["build", "--manifest-cache", "local", "-c", options.configuration] + (product.map { ["--product", $0] } ?? [])
        let start = ContinuousClock.now
        let ending: ChildProcess.Ending
        do {
            let child = try ChildProcess(executable: options.swift, arguments: arguments,
                                         environment: ProcessInfo.processInfo.environment, output: .file(log))
            children.remember(group: child.pid)
            defer { children.forget(group: child.pid) }
            ending = child.wait(timeout: 900)
        } catch {
            fail(WatchFailure.book(key: key, chapter: chapter, error: error))
            return false
        }
        guard !isStopping else { return false }
        let output = FileManager.default.contents(atPath: log).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard ending == .exited(0) else {
            let failure = WatchFailure.build(key: key, chapter: chapter, output: output, repositoryRoot: repository.root.path)
            say("watch: \(chapter) does not build: \(failure.location.map { "\($0): " } ?? "")\(failure.message)\n\(failure.detail ?? "")")
            fail(failure)
            return false
        }
        say("watch: \(chapter): built in \(Format.duration((ContinuousClock.now - start).seconds))")
        clear(key)
        return true
    }

    /// Runs a chapter in the terminal, with its progress on the open pages.
    private func run(_ chapter: Chapter) {
        let label = "chapter \(chapter.number)"
        let cells = book.runner.lastGoodRun(chapter)?.cells.map(\.name) ?? []
        update(working: "\(label): running…")
        let progress = CellProgress(folder: book.runner.runsFolder.appendingPathComponent("\(chapter.slug).running-\(getpid())"),
                                    knownCells: cells) { [self] text in update(working: "\(label): \(text)") }
        progress.start()
        defer { progress.stop() }
        let start = ContinuousClock.now
        do {
            let record = try book.runner.run(chapter, echo: true)
            book.history.clearFailure(of: chapter)  // the page's "latest run failed" notice goes
            let checks = record.cells.reduce(0) { $0 + $1.checks.count }
            say("watch: [\(chapter.slug)] ok in \(Format.duration((ContinuousClock.now - start).seconds)): \(record.cells.count) cells, \(checks) checks passed")
            clear("run \(chapter.slug)")
        } catch {
            guard !isStopping else { return }
            if let error = error as? BookError { book.history.recordFailure(error.description, of: chapter) }
            let failure = WatchFailure.book(key: "run \(chapter.slug)", chapter: label, error: error)
            say("watch: [\(chapter.slug)] FAILED: \(error); the page keeps the last good run")
            fail(failure)
        }
    }

    /// Builds the exercise's chapter and runs `chapter-NN exercise K` in the terminal.
    private func runExercise(_ exercise: (chapter: String, number: Int)) {
        guard let chapter = try? repository.chapter(exercise.chapter) else {
            say("watch: there is no chapter \(exercise.chapter) to run an exercise of"); return
        }
        let label = "chapter \(chapter.number) exercise \(exercise.number)"
        guard build(product: chapter.productName, key: "build \(chapter.slug)", chapter: label) else { return }
        update(working: "\(label): running…")
        say("watch: \(label):")
        let key = "exercise \(chapter.slug)"
        do {
            let child = try ChildProcess(executable: book.runner.executable(chapter).path, arguments: ["exercise", String(exercise.number)],
                                         environment: ProcessInfo.processInfo.environment, output: .inherit)
            children.remember(group: child.pid)
            defer { children.forget(group: child.pid) }
            let ending = child.wait(timeout: book.runner.defaultBudget)
            guard !isStopping else { return }
            if ending == .exited(0) {
                say("watch: \(label): every check passed")
                clear(key)
            } else {
                let message = switch ending {
                case .timedOut, .stopped: "ran past \(Int(book.runner.defaultBudget)) s and was stopped"
                case .signalled(let signal): "crashed with \(ChildProcess.signalName(signal))"
                case .exited: "has checks still failing"
                }
                say("watch: \(label) \(message); save again to re-run it")
                fail(WatchFailure(key: key, chapter: "chapter \(chapter.number)", cell: "exercise \(exercise.number)",
                                  message: "exercise \(exercise.number) \(message)", location: nil,
                                  detail: "The exercise's output is in the terminal running make watch."))
            }
        } catch {
            fail(WatchFailure.book(key: key, chapter: label, error: error))
        }
    }

    /// Re-renders the book; the pages that changed reload in every browser showing them.
    private func render() {
        update(working: "rendering…")
        do {
            let chapters = try repository.chapters()
            // The saved page first, so it reloads as soon as possible; then the files made
            // of the whole book, which take longer.
            reload(try book.render(chapters, files: .pages))
            clear("render")
            reload(try book.render(chapters, files: .wholeBook))
        } catch {
            let failure = WatchFailure.book(key: "render", chapter: "the book", error: error)
            say("watch: the book was not rewritten: \(error)")
            fail(failure)
        }
        update(working: nil)
    }

    /// Tells every open page which files changed; those showing one of them reload.
    private func reload(_ written: [String]) {
        guard !written.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["files": written])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        lock.withLock { server }?.send(event: "reload", data: data)
    }

    // MARK: Status

    private func update(working: String?) {
        publish { $0.working = working }
    }

    private func fail(_ failure: WatchFailure) {
        publish { status in
            status.failures.removeAll { $0.key == failure.key }
            status.failures.append(failure)
            status.working = nil
        }
    }

    private func clear(_ key: String) {
        publish { $0.failures.removeAll { $0.key == key } }
    }

    private func publish(_ change: (inout WatchStatus) -> Void) {
        let (target, json): (PreviewServer?, String?) = lock.withLock {
            let before = status
            change(&status)
            return (server, status == before ? nil : status.json)
        }
        if let json { target?.send(event: "status", data: json) }
    }

    // MARK: Stopping

    private func interruptHandlers() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // delivered to the source below instead of ending the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if isStopping {
                    say("\nwatch: stopped at once (second interrupt)")
                    exit(130)
                }
                say("\nwatch: stopping…")
                stop()
            }
            source.resume()
            return source
        }
    }

    /// What an interrupted write or run could leave: staging folders named by this pid.
    private func removeLeftovers() {
        let pid = getpid()
        let candidates = [repository.root.appendingPathComponent("book/.staging-\(pid)"),
                          repository.root.appendingPathComponent(".book/watch/build-\(pid).log")]
        let runs = book.runner.runsFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
        let runLeftovers = names.filter { $0.hasSuffix(".running-\(pid)") || $0.hasSuffix(".new-\(pid)") }
            .map { runs.appendingPathComponent($0) }
        for url in candidates + runLeftovers where FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
