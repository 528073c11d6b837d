import Foundation

/// What `make watch` is doing, as every open page shows it: nothing (no banner), work
/// in progress ("chapter 05: building…"), or the failures that keep a page on its last
/// good content (an overlay with the chapter, cell, message, `file:line` and diagnostic).
/// Sent to pages as JSON in `status` events.
public struct WatchStatus: Codable, Equatable, Sendable {
    /// Work in progress, e.g. "chapter 05: running cell 7 of 16 (timeout)"; nil when idle.
    public var working: String?
    /// Everything that is broken now, oldest first. Fixing one removes it.
    public var failures: [WatchFailure] = []

    public init(working: String? = nil, failures: [WatchFailure] = []) {
        self.working = working
        self.failures = failures
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// One thing that failed: a chapter that does not build or whose run failed, or prose
/// the builder refuses. `key` says which, so that fixing it clears exactly this failure.
public struct WatchFailure: Codable, Equatable, Sendable {
    public var key: String
    /// "chapter 05", or "the book" for prose and rendering errors.
    public var chapter: String
    public var cell: String?
    public var message: String
    /// `file:line` of the error, when there is one.
    public var location: String?
    /// The compiler's diagnostic, or the tail of the run's output.
    public var detail: String?
}

extension WatchFailure {
    /// A failed `swift build`: the first `file:line:col: error:` line of its output names
    /// the place; the detail is the compiler's errors and the lines around them.
    static func build(key: String, chapter: String, output: String, repositoryRoot: String) -> WatchFailure {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                .replacingOccurrences(of: repositoryRoot + "/", with: "")
        }
        // Progress lines ("[12/40] Compiling ...") say nothing about the error.
        let meaningful = lines.filter { $0.range(of: #"^\[[0-9]+/[0-9]+\]"#, options: .regularExpression) == nil }
        let firstError = meaningful.first { $0.range(of: #"^[^ :]+:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil }
        guard let firstError, let marker = firstError.range(of: ": error: ") else {
            let tail = meaningful.filter { !$0.isEmpty }.suffix(20).joined(separator: "\n")
            return WatchFailure(key: key, chapter: chapter, cell: nil, message: "the build failed", location: nil, detail: tail)
        }
        let place = firstError[..<marker.lowerBound].split(separator: ":")
        let location = place.count >= 2 ? "\(place[0]):\(place[1])" : nil
        let detail = meaningful.drop { $0 != firstError }.prefix(40).joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return WatchFailure(key: key, chapter: chapter, cell: nil, message: String(firstError[marker.upperBound...]),
                            location: location, detail: detail)
    }

    /// A failed run or a refused page: the builder's own error, which names the cell as
    /// "in cell 'NAME'" and may carry the output after a first line.
    static func book(key: String, chapter: String, error: any Error) -> WatchFailure {
        let message: String, location: String?
        if let error = error as? BookError { (message, location) = (error.message, error.location) } else { (message, location) = ("\(error)", nil) }
        let lines = message.split(separator: "\n", maxSplits: 1)
        let cell = lines.first.flatMap { first -> String? in
            guard let range = first.range(of: #"in cell '[^']+'"#, options: .regularExpression) else { return nil }
            return String(first[range].dropFirst("in cell '".count).dropLast())
        }
        // A failed check's location ("Timeouts.swift:42") ends its message in parentheses.
        let checkLocation = lines.first.flatMap { first -> String? in
            guard let range = first.range(of: #"\(([^() ]+\.swift:[0-9]+)\)"#, options: .regularExpression) else { return nil }
            return String(first[range].dropFirst().dropLast())
        }
        return WatchFailure(key: key, chapter: chapter, cell: cell, message: lines.first.map(String.init) ?? message,
                            location: location ?? checkLocation, detail: lines.count > 1 ? String(lines[1]) : nil)
    }
}
