import Foundation
import Testing
@testable import BookKit

/// The parts of `make watch` on their own: the file watcher, what a change asks for,
/// how failures are read, and the preview server over real sockets.
@Suite("Watch mode's parts")
struct WatchPartsTests {
    @Test func snapshotsShowCreatedChangedAndRemovedFiles() throws {
        let fixture = try Fixture()
        try fixture.write("Chapters/01-a/README.md", "# A\n")
        try fixture.write("Chapters/01-a/old.swift", "// old\n")
        let watcher = FileWatcher(roots: [fixture.root.appendingPathComponent("Chapters")])
        let before = watcher.snapshot()
        try fixture.write("Chapters/01-a/README.md", "# A, longer\n")
        try fixture.write("Chapters/01-a/new.swift", "// new\n")
        try fixture.write("Chapters/01-a/.hidden.swp", "scratch")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Chapters/01-a/old.swift"))
        let changed = FileWatcher.changes(from: before, to: watcher.snapshot()).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(changed == ["README.md", "new.swift", "old.swift"])
    }

    @Test func runReportsASavedFileOnceItSettles() throws {
        let fixture = try Fixture()
        try fixture.write("Chapters/01-a/README.md", "# A\n")
        let watcher = FileWatcher(roots: [fixture.root.appendingPathComponent("Chapters")])
        let batches = LockedBatches()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            watcher.run(shouldStop: { batches.count > 0 || batches.timedOut }) { batches.append($0) }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        try fixture.write("Chapters/01-a/README.md", "# A, edited\n")
        let deadline = Date().addingTimeInterval(30)
        while batches.count == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        batches.stop()
        done.wait()
        #expect(batches.all.first?.map { URL(fileURLWithPath: $0).lastPathComponent } == ["README.md"])
    }

    @Test func changesAreSortedIntoCodeLibrariesBuilderAndProse() {
        let root = "/r"
        let prose = WatchedChange(paths: ["/r/Chapters/05-futures/README.md", "/r/Chapters/05-futures/compile-fail/X.swift"], root: root)
        #expect(prose.chapterCode.isEmpty && !prose.libraries && !prose.builder && prose.render)
        let code = WatchedChange(paths: ["/r/Chapters/05-futures/Timeouts.swift"], root: root)
        #expect(code.chapterCode == ["05-futures"] && !code.libraries && code.render)
        let library = WatchedChange(paths: ["/r/Sources/Primitives/Future.swift"], root: root)
        #expect(library.libraries && !library.builder)
        let builder = WatchedChange(paths: ["/r/Sources/BookKit/Write/Book.swift"], root: root)
        #expect(builder.builder && !builder.libraries)
        #expect(WatchedChange(paths: ["/elsewhere/x.swift"], root: root) == WatchedChange(paths: [], root: root))
    }

    @Test func aBuildFailureNamesTheFirstErrorAndKeepsTheDiagnostic() {
        let output = """
            [1/4] Compiling chapter_05 main.swift
            /repo/Chapters/05-futures/Timeouts.swift:12:9: error: cannot find 'wait' in scope
            10 |     let x = 1
               |         `- error: cannot find 'wait' in scope
            /repo/Chapters/05-futures/Timeouts.swift:20:1: error: expected '}'
            """
        let failure = WatchFailure.build(key: "build 05", chapter: "chapter 05", output: output, repositoryRoot: "/repo")
        #expect(failure.message == "cannot find 'wait' in scope")
        #expect(failure.location == "Chapters/05-futures/Timeouts.swift:12")
        #expect(failure.detail?.contains("expected '}'") == true)
        #expect(failure.detail?.contains("[1/4]") == false)
        let unknown = WatchFailure.build(key: "b", chapter: "chapter 05", output: "linker said no\n", repositoryRoot: "/repo")
        #expect(unknown.message == "the build failed" && unknown.detail == "linker said no")
    }

    @Test func aRunFailureNamesItsCellAndTheCheck() {
        let error = BookError("chapter 05-futures failed in cell 'timeout': waited 2.0 s (Timeouts.swift:42)")
        let failure = WatchFailure.book(key: "run", chapter: "chapter 05", error: error)
        #expect(failure.cell == "timeout")
        #expect(failure.location == "Timeouts.swift:42")
        let prose = WatchFailure.book(key: "render", chapter: "the book", error: BookError("unknown value 'x'", at: "Chapters/05-futures/README.md:3"))
        #expect(prose.location == "Chapters/05-futures/README.md:3" && prose.cell == nil)
    }

    @Test func cellProgressNumbersCellsByTheLastRun() {
        #expect(CellProgress.describe("timeout", among: ["a", "b", "timeout"]) == "running cell 3 of 3 (timeout)")
        #expect(CellProgress.describe("new", among: ["a"]) == "running cell 'new'")
    }

    // MARK: The server

    @Test func serverServesPagesWithTheClientAndRefusesPathsOutsideTheBook() throws {
        let fixture = try Fixture()
        try fixture.write("book/index.html", "<html><body><p>front</p></body></html>")
        try fixture.write("book/assets/book.css", "body {}")
        try fixture.write("book/theme/live-reload.js", "// client")
        try fixture.write("secret.txt", "not for the browser")
        let server = try PreviewServer(folder: fixture.root.appendingPathComponent("book"),
                                       clientScript: fixture.root.appendingPathComponent("book/theme/live-reload.js"))
        server.start()
        defer { server.stop() }
        #expect(server.url.hasPrefix("http://127.0.0.1:"))
        let index = try RawHTTP.get("/", port: server.port)
        #expect(index.hasPrefix("HTTP/1.1 200"))
        #expect(index.contains("<p>front</p><script src=\"/__live/client.js\"></script>\n</body>"))
        #expect(try RawHTTP.get("/assets/book.css", port: server.port).contains("Content-Type: text/css"))
        #expect(try RawHTTP.get("/__live/client.js", port: server.port).hasSuffix("// client"))
        #expect(try RawHTTP.get("/../secret.txt", port: server.port).hasPrefix("HTTP/1.1 400"))
        #expect(try RawHTTP.get("/%2e%2e/secret.txt", port: server.port).hasPrefix("HTTP/1.1 400"))
        #expect(try RawHTTP.get("/missing.html", port: server.port).hasPrefix("HTTP/1.1 404"))
        #expect(try RawHTTP.send("POST / HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port).hasPrefix("HTTP/1.1 405"))
        #expect(try RawHTTP.get("/__live/clients", port: server.port).contains("\"index.html\":1"))
    }

    @Test func everyOpenStreamGetsTheLatestStatusThenEachEvent() throws {
        let fixture = try Fixture()
        try fixture.write("book/index.html", "<html><body></body></html>")
        let server = try PreviewServer(folder: fixture.root.appendingPathComponent("book"),
                                       clientScript: fixture.root.appendingPathComponent("none.js"))
        server.start()
        server.send(event: "status", data: #"{"working":"chapter 05: building…"}"#)
        let streams = try (0..<2).map { _ in try RawHTTP.open(Self.eventsRequest, port: server.port) }
        defer { streams.forEach { close($0) } }
        for stream in streams {
            let head = try RawHTTP.read(stream, until: "building…\"}\n\n")
            #expect(head.contains("Content-Type: text/event-stream"))
        }
        let deadline = Date().addingTimeInterval(5)
        while server.listeners < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(server.listeners == 2)
        server.send(event: "reload", data: #"{"files":["05-futures.html"]}"#)
        for stream in streams {
            #expect(try RawHTTP.read(stream, until: "\n\n") == "event: reload\ndata: {\"files\":[\"05-futures.html\"]}\n\n")
        }
        server.stop()
        // Stopping closes every stream: the client reads the end of the connection.
        #expect(try RawHTTP.read(streams[0], until: "never") == "")
    }

    @Test func aServerStoppedBeforeItStartedFreesItsPortAtOnce() throws {
        let fixture = try Fixture()
        let server = try PreviewServer(folder: fixture.root, clientScript: fixture.root.appendingPathComponent("none.js"))
        let start = Date()
        server.stop()
        server.stop()
        #expect(Date().timeIntervalSince(start) < 1)
        #expect((try? RawHTTP.get("/", port: server.port)) == nil)
    }

    static let eventsRequest = "GET /__live/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
}

/// Batches a watcher reported, shared between the watching thread and the test.
final class LockedBatches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]] = []
    private var stopped = false

    var count: Int { lock.withLock { batches.count } }
    var all: [[String]] { lock.withLock { batches } }
    var timedOut: Bool { lock.withLock { stopped } }
    func append(_ batch: [String]) { lock.withLock { batches.append(batch) } }
    func stop() { lock.withLock { stopped = true } }
}

/// A bare HTTP client over a POSIX socket, to see exactly what the server sends.
enum RawHTTP {
    static func get(_ path: String, port: UInt16) throws -> String {
        try send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port)
    }

    /// Sends `request` and reads the whole answer (the server closes the connection).
    static func send(_ request: String, port: UInt16) throws -> String {
        let socket = try open(request, port: port)
        defer { close(socket) }
        return try read(socket, until: nil)
    }

    static func open(_ request: String, port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw BookError("cannot connect to 127.0.0.1:\(port)") }
        _ = PreviewSocket.write(descriptor, Data(request.utf8))
        return descriptor
    }

    /// Reads until `marker` has arrived (or, with nil, until the server closes); one byte
    /// at a time, so nothing after the marker is consumed. Gives up after 5 s of silence.
    static func read(_ socket: Int32, until marker: String?) throws -> String {
        var received = [UInt8]()
        var byte: UInt8 = 0
        let wanted = marker.map { Array($0.utf8) }
        while true {
            let count = recv(socket, &byte, 1, 0)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw BookError("no answer within 5 s; had: \(String(decoding: received, as: UTF8.self))") }
            if count == 0 { break }
            received.append(byte)
            if let wanted, received.count >= wanted.count, Array(received.suffix(wanted.count)) == wanted { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// `make chapter-05 CELL=name`: the chapter binary with `cell NAME` runs only that cell.
@Suite("One cell at a time")
struct OneCellTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Products.faultChapter
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NOTEBOOK_RESULTS"] = nil
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func onlyTheNamedCellRuns() throws {
        let result = try run(["cell", "first"])
        #expect(result.status == 0)
        #expect(result.output.contains("first cell"))
        #expect(result.output.contains("1 cells, 1 checks passed"))
    }

    @Test func anUnknownCellNamesTheChaptersCells() throws {
        let result = try run(["cell", "nope"])
        #expect(result.status == 2)
        #expect(result.output.contains("There is no cell 'nope'; this chapter's cells: first."))
        #expect(!result.output.contains("first cell"))
    }
}
