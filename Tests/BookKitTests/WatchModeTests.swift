import Foundation
import Testing
@testable import BookKit

/// `bookbuilder watch` for real, in a scratch repository: it serves the book, a prose
/// edit and a code edit change the served page, a failed build shows over the page and
/// clears when fixed, and Ctrl-C (SIGINT) leaves nothing running and nothing half-written.
///
/// The scratch chapter's executable is the fault-injection chapter (see `Fixture`), and
/// "building" is a small script standing in for `swift` (`SWIFT=...`), which fails while
/// the chapter's code contains the word BROKEN: the test exercises the watcher, not the
/// compiler.
@Suite("Watch mode", .serialized)
struct WatchModeTests {
    final class Watch: @unchecked Sendable {
        let fixture: Fixture
        let process = Process()
        private let lock = NSLock()
        private var output = ""  // guarded by `lock`
        private let reading = DispatchSemaphore(value: 0)

        init() throws {
            fixture = try Fixture()
            _ = try fixture.chapter("01-first", prose: "# First\n\nThe first version.\n\n{{#cell first}}\n",
                                    sources: ["Code.swift": "// the cell's code\n"])
            try fixture.write("book/theme/live-reload.js", "// client\n")
            let fakeSwift = try fixture.write("fake-swift", """
                #!/bin/sh
                if grep -q BROKEN Chapters/01-first/Code.swift; then
                  echo "[1/2] Compiling chapter_01 Code.swift"
                  echo "$PWD/Chapters/01-first/Code.swift:1:4: error: broken on purpose"
                  exit 1
                fi
                exit 0
                """)
            chmod(fakeSwift.path, 0o755)
            process.executableURL = Products.directory.appendingPathComponent("bookbuilder")
            process.arguments = ["watch", "--build-dir", try fixture.buildDirectory.path]
            process.currentDirectoryURL = fixture.root
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT"] = fakeSwift.path
            environment["NO_COLOR"] = "1"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            Thread.detachNewThread { [self] in
                while true {
                    let data = pipe.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    lock.withLock { output += String(decoding: data, as: UTF8.self) }
                }
                reading.signal()
            }
        }

        var said: String { lock.withLock { output } }

        /// The port from "serving book/ at http://127.0.0.1:PORT/".
        func port() throws -> UInt16 {
            let found = try waitFor("the server's address") { () -> UInt16? in
                guard let range = said.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else { return nil }
                return UInt16(said[range].split(separator: ":")[1])
            }
            return found
        }

        func page(_ path: String, port: UInt16) -> String {
            (try? RawHTTP.get(path, port: port)) ?? ""
        }

        /// Polls `probe` every 20 ms until it gives a value; fails after `seconds`.
        func waitFor<T>(_ what: String, seconds: Double = 60, _ probe: () throws -> T?) throws -> T {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let value = try probe() { return value }
                Thread.sleep(forTimeInterval: 0.02)
            }
            throw BookError("waited \(seconds) s for \(what); the watcher said:\n\(said)")
        }

        /// Ctrl-C, as the terminal sends it; returns the exit status.
        func interrupt() -> Int32 {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            reading.wait()
            return process.terminationStatus
        }

        /// However a test ends, the watcher does not outlive it (a failed expectation
        /// throws past `interrupt()`).
        func end() {
            guard process.isRunning else { return }
            _ = interrupt()
        }
    }

    @Test func proseAndCodeEditsReachTheServedPageAndCtrlCLeavesNothing() throws {
        let watch = try Watch()
        defer { watch.end() }
        let port = try watch.port()
        let first = try watch.waitFor("the first page") { () -> String? in
            let page = watch.page("/01-first.html", port: port)
            return page.contains("The first version.") && page.contains("first cell") ? page : nil
        }
        #expect(first.contains("<script src=\"/__live/client.js\"></script>"))

        // Prose: the page changes without running anything.
        try watch.fixture.write("Chapters/01-first/README.md", "# First\n\nThe second version.\n\n{{#cell first}}\n")
        _ = try watch.waitFor("the prose edit") { watch.page("/01-first.html", port: port).contains("The second version.") ? true : nil }

        // Code: built (by the stand-in) and run again: the page carries the new run's stamp.
        let stamp = try #require(Self.runStamp(in: watch.page("/01-first.html", port: port)))
        Thread.sleep(forTimeInterval: 1.1)  // run stamps have whole seconds
        try watch.fixture.write("Chapters/01-first/Code.swift", "// the cell's code, edited\n")
        _ = try watch.waitFor("the re-run") { () -> Bool? in
            let now = Self.runStamp(in: watch.page("/01-first.html", port: port))
            return now != nil && now != stamp ? true : nil
        }
        #expect(watch.said.contains("[01-first] ok"))

        // A failed build: the status every page shows names the file and line, and the
        // page keeps its last good content; fixing it clears the failure.
        let good = watch.page("/01-first.html", port: port)
        try watch.fixture.write("Chapters/01-first/Code.swift", "// BROKEN\n")
        let failed = try watch.waitFor("the build failure") { () -> String? in
            let status = watch.page(PreviewServer.statusPath, port: port)
            return status.contains("broken on purpose") ? status : nil
        }
        #expect(failed.contains(#""location":"Chapters/01-first/Code.swift:1""#))
        #expect(failed.contains(#""chapter":"chapter 01""#))
        // The page keeps its last good content (its code may now be marked as changed
        // since that output was produced, which is the point of the marker).
        let kept = Self.body(watch.page("/01-first.html", port: port))
        #expect(kept.contains("The second version.") && kept.contains("first cell"))
        #expect(Self.runStamp(in: kept) == Self.runStamp(in: good))
        try watch.fixture.write("Chapters/01-first/Code.swift", "// fixed\n")
        _ = try watch.waitFor("the failure to clear") {
            watch.page(PreviewServer.statusPath, port: port).contains(#""failures":[]"#) ? true : nil
        }

        #expect(watch.interrupt() == 130)
        #expect(watch.said.contains("watch: stopped"))
        #expect(watch.fixture.livingProcesses().isEmpty)
        let book = (try? FileManager.default.contentsOfDirectory(atPath: watch.fixture.root.appendingPathComponent("book").path)) ?? []
        #expect(!book.contains { $0.hasPrefix(".staging") })
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: watch.fixture.root.appendingPathComponent(".book/runs").path)) ?? []
        #expect(runs.allSatisfy { !$0.contains(".running-") && !$0.contains(".new-") })
        #expect((try? RawHTTP.get("/", port: port)) == nil)  // the port is closed
    }

    @Test func ctrlCDuringARunStopsTheChapterAndItsChildren() throws {
        let watch = try Watch()
        defer { watch.end() }
        let port = try watch.port()
        _ = try watch.waitFor("the first page") { watch.page("/01-first.html", port: port).contains("first cell") ? true : nil }
        // Chapter 04 of the fault chapter hangs with a child process: start it by an edit.
        _ = try watch.fixture.chapter("04-hangs", prose: "# Hangs\n", sources: [:])
        try watch.fixture.write("Chapters/04-hangs/Code.swift", "// start it\n")
        _ = try watch.waitFor("the hanging run") { watch.said.contains("A hang with a child process") ? true : nil }
        // Every page's banner follows the run cell by cell (this chapter has no earlier
        // run to number its cells by, so they are named).
        _ = try watch.waitFor("the banner to name the cell") {
            watch.page(PreviewServer.statusPath, port: port).contains(#""working":"chapter 04: running cell 'hang'""#) ? true : nil
        }
        Thread.sleep(forTimeInterval: 0.5)  // its child process starts
        #expect(watch.interrupt() == 130)
        #expect(watch.fixture.livingProcesses().isEmpty)
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: watch.fixture.root.appendingPathComponent(".book/runs").path)) ?? []
        #expect(runs.allSatisfy { !$0.contains(".running-") })
    }

    /// A real browser: headless Chromium loads the page, the prose is edited, and the
    /// browser loads the page again by itself (the server counts page loads).
    /// Without Chromium the test is skipped, and the test run says why.
    @Test(.enabled(if: chromium != nil, "headless Chromium is not installed (apt-get install chromium): the browser check stands aside"))
    func aBrowserShowingThePageReloadsByItself() throws {
        let chromium = try #require(Self.chromium)
        let watch = try Watch()
        defer { watch.end() }
        let port = try watch.port()
        _ = try watch.waitFor("the first page") { watch.page("/01-first.html", port: port).contains("first cell") ? true : nil }
        try watch.fixture.write("book/theme/live-reload.js",
                                try String(contentsOf: Self.repositoryRoot.appendingPathComponent("book/theme/live-reload.js"), encoding: .utf8))
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: chromium)
        let profile = watch.fixture.root.appendingPathComponent("chromium-profile")
        browser.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--remote-debugging-port=0", "http://127.0.0.1:\(port)/01-first.html"]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        defer {
            browser.terminate()
            browser.waitUntilExit()
        }
        // The test's own requests count as loads too: count from what they made.
        let loadsBefore = Self.clients(watch, port: port).loads
        _ = try watch.waitFor("the browser to open the page and listen", seconds: 60) { () -> Bool? in
            let now = Self.clients(watch, port: port)
            return now.listeners == 1 && now.loads == loadsBefore + 1 ? true : nil
        }
        try watch.fixture.write("Chapters/01-first/README.md", "# First\n\nEdited while the browser watched.\n\n{{#cell first}}\n")
        _ = try watch.waitFor("the browser to reload the page by itself", seconds: 30) {
            Self.clients(watch, port: port).loads == loadsBefore + 2 ? true : nil
        }
        #expect(watch.page("/01-first.html", port: port).contains("Edited while the browser watched."))
        #expect(watch.interrupt() == 130)
    }

    /// Listening pages, and how often 01-first.html was served, from the server's report.
    static func clients(_ watch: Watch, port: UInt16) -> (listeners: Int, loads: Int) {
        struct Clients: Decodable { var listeners: Int; var pageLoads: [String: Int] }
        let json = body(watch.page(PreviewServer.clientsPath, port: port))
        guard let clients = try? JSONDecoder().decode(Clients.self, from: Data(json.utf8)) else { return (-1, -1) }
        return (clients.listeners, clients.pageLoads["01-first.html"] ?? 0)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The run stamp's date on a page.
    static func runStamp(in page: String) -> String? {
        guard let range = page.range(of: #"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]+Z"#, options: .regularExpression) else { return nil }
        return String(page[range])
    }

    /// A page without its HTTP head.
    static func body(_ response: String) -> String {
        response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }
}
