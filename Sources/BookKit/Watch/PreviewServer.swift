import Foundation

/// A small HTTP/1.1 server for `make watch`: serves the files of `book/` on 127.0.0.1,
/// and pushes live-reload and status events to every open page with server-sent events
/// (`text/event-stream`, which browsers read with `EventSource`: no websocket needed).
///
/// Each HTML page it serves gets one extra `<script>` (the reload client, from
/// `book/theme/live-reload.js`) before `</body>`; the files in `book/` stay exactly what
/// `make book` writes, so the book still works offline. Only `GET` and `HEAD`; every
/// answer closes its connection except the event streams, which stay open.
///
/// Threads: one accepts connections (polling, so `stop()` is seen within 0.2 s); each
/// request is answered on a thread of its own; events are written by whoever calls
/// `send(event:data:)`, under the lock that guards the list of open streams.
public final class PreviewServer: @unchecked Sendable {
    public static let eventsPath = "/__live/events"
    public static let statusPath = "/__live/status"
    public static let clientPath = "/__live/client.js"
    /// How many pages listen for events, and how often each page was loaded: a test (or
    /// the benchmark) sees from here that a browser reloaded a page by itself.
    public static let clientsPath = "/__live/clients"

    public let port: UInt16
    public var url: String { "http://127.0.0.1:\(port)/" }

    private let folder: URL
    private let clientScript: URL
    private let listening: Int32
    private let lock = NSLock()
    // Guarded by `lock`:
    private var streams: [Int32] = []
    private var lastStatus = "{}"
    private var state = State.created
    private var requestsInFlight = 0
    private var pageLoads: [String: Int] = [:]

    private enum State { case created, serving, stopping, stopped }

    /// Binds now (so the port is known and a busy port fails here); serves after `start()`.
    public init(folder: URL, clientScript: URL, port: UInt16 = 0) throws {
        self.folder = folder.standardizedFileURL
        self.clientScript = clientScript
        (listening, self.port) = try PreviewSocket.listen(port: port)
    }

    public func start() {
        lock.withLock { state = .serving }
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting, closes every event stream, and waits (up to 2 s) for requests
    /// being answered to finish. Idempotent.
    public func stop() {
        let (open, wasServing): ([Int32], Bool) = lock.withLock {
            switch state {
            case .created:
                state = .stopped  // no accepting loop to end: close the socket here
                return ([], false)
            case .serving:
                state = .stopping
                defer { streams = [] }
                return (streams, true)
            case .stopping, .stopped:
                return ([], false)
            }
        }
        guard wasServing else {
            if lock.withLock({ state == .stopped }) { closeListeningOnce() }
            return
        }
        open.forEach(PreviewSocket.close)
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            if lock.withLock({ state == .stopped && requestsInFlight == 0 }) { break }
            usleep(10_000)
        }
    }

    /// Sends one event to every open page; a page that went away is dropped.
    /// The latest `status` event is also what a page that connects later gets first.
    public func send(event: String, data: String) {
        let message = Data("event: \(event)\ndata: \(data.replacingOccurrences(of: "\n", with: "\ndata: "))\n\n".utf8)
        lock.withLock {
            if event == "status" { lastStatus = data }
            streams.removeAll { stream in
                guard PreviewSocket.write(stream, message) else { PreviewSocket.close(stream); return true }
                return false
            }
        }
    }

    /// How many pages are listening for events now.
    public var listeners: Int { lock.withLock { streams.count } }

    // MARK: Serving

    private func acceptLoop() {
        while lock.withLock({ state == .serving }) {
            guard let connection = PreviewSocket.accept(listening, waitingUpTo: 200) else { continue }
            let accepted = lock.withLock {
                guard state == .serving else { return false }
                requestsInFlight += 1
                return true
            }
            guard accepted else { PreviewSocket.close(connection); break }
            Thread.detachNewThread { [self] in
                let keepOpen = answer(connection)
                lock.withLock {
                    requestsInFlight -= 1
                    if keepOpen && state == .serving { streams.append(connection) } else if keepOpen { PreviewSocket.close(connection) }
                }
                if !keepOpen { PreviewSocket.close(connection) }
            }
        }
        closeListeningOnce()
        lock.withLock { state = .stopped }
    }

    private var listeningClosed = false  // guarded by `lock`

    private func closeListeningOnce() {
        let first = lock.withLock {
            defer { listeningClosed = true }
            return !listeningClosed
        }
        if first { PreviewSocket.close(listening) }
    }

    /// Answers one request; true when the connection became an event stream.
    private func answer(_ connection: Int32) -> Bool {
        guard let head = PreviewSocket.readHead(connection),
              let requestLine = head.split(separator: "\r\n", maxSplits: 1).first else { return false }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            _ = PreviewSocket.write(connection, Self.response(400, "text/plain", Data("bad request\n".utf8)))
            return false
        }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            _ = PreviewSocket.write(connection, Self.response(405, "text/plain", Data("only GET and HEAD\n".utf8), extra: "Allow: GET, HEAD\r\n"))
            return false
        }
        let target = String(parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        switch target {
        case Self.eventsPath:
            let status = lock.withLock { lastStatus }
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            // `retry` tells the browser to reconnect quickly if the server restarts.
            return PreviewSocket.write(connection, Data((head + "retry: 500\n\nevent: status\ndata: \(status)\n\n").utf8))
        case Self.statusPath:
            let status = lock.withLock { lastStatus }
            _ = PreviewSocket.write(connection, Self.response(200, "application/json", Data(status.utf8), head: method == "HEAD"))
        case Self.clientsPath:
            let report = lock.withLock { (streams.count, pageLoads) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            struct Clients: Encodable { var listeners: Int; var pageLoads: [String: Int] }
            let body = (try? encoder.encode(Clients(listeners: report.0, pageLoads: report.1))) ?? Data("{}".utf8)
            _ = PreviewSocket.write(connection, Self.response(200, "application/json", body, head: method == "HEAD"))
        case Self.clientPath:
            let script = FileManager.default.contents(atPath: clientScript.path) ?? Data()
            _ = PreviewSocket.write(connection, Self.response(200, "text/javascript; charset=utf-8", script, head: method == "HEAD"))
        default:
            _ = PreviewSocket.write(connection, file(target, head: method == "HEAD"))
        }
        return false
    }

    /// A file of the book, by its URL path; `/` is `index.html`. Paths that would leave
    /// `book/` are refused.
    private func file(_ target: String, head: Bool) -> Data {
        guard let decoded = target.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return Self.response(400, "text/plain", Data("bad path\n".utf8))
        }
        let relative = decoded == "/" ? "index.html" : String(decoded.dropFirst())
        let url = folder.appendingPathComponent(relative).standardizedFileURL
        var isFolder: ObjCBool = false
        guard url.path.hasPrefix(folder.path + "/"),
              FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
              var data = FileManager.default.contents(atPath: url.path) else {
            return Self.response(404, "text/plain", Data("not found: \(decoded)\n".utf8), head: head)
        }
        if url.pathExtension == "html" {
            data = Self.injectingClient(into: data)
            if !head { lock.withLock { pageLoads[relative, default: 0] += 1 } }
        }
        return Self.response(200, Self.contentType(url.pathExtension), data, head: head)
    }

    static func injectingClient(into page: Data) -> Data {
        let tag = "<script src=\"\(clientPath)\"></script>\n"
        var html = String(decoding: page, as: UTF8.self)
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            html += tag
        }
        return Data(html.utf8)
    }

    static func contentType(_ fileExtension: String) -> String {
        switch fileExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "md": "text/markdown; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    static func response(_ status: Int, _ contentType: String, _ body: Data, head: Bool = false, extra: String = "") -> Data {
        let reasons = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"]
        // Pages change while they are open: the browser must always ask again.
        let header = "HTTP/1.1 \(status) \(reasons[status] ?? "Error")\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\(extra)\r\n"
        return Data(header.utf8) + (head ? Data() : body)
    }
}
