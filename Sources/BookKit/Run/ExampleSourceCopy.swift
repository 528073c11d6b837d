import Foundation

/// The copy of an example that the compiler reads: the same lines, with the book's own
/// comment lines (`// ANCHOR:`, `// ANCHOR_END:`, `// swiftc:`, `// expect-...:`,
/// `// library:`) left blank. The source lines a diagnostic quotes then never show the
/// book's bookkeeping, which the book's listing of the file leaves out too; line numbers,
/// and so every `file:line` in the output, stay those of the real file.
enum ExampleSourceCopy {
    /// Writes the copy to `work/path` (the file's repository-relative path), so that once
    /// the work folder is stripped from the output, paths read as the real file's.
    static func write(_ url: URL, as path: String, into work: URL) throws -> URL {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BookError("cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let copy = lines.map { isBookkeeping($0) ? "" : String($0) }.joined(separator: "\n")
        let target = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(copy.utf8).write(to: target)
        return target
    }

    /// Part of every example's cache key: results cached before the compiler read copies
    /// (whose excerpts still quote bookkeeping lines) are not reused.
    static let cacheGeneration = "source copy without bookkeeping lines"

    static func isBookkeeping(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.range(of: #"^// (ANCHOR|ANCHOR_END|swiftc|library|expect-[a-z-]+):"#, options: .regularExpression) != nil
    }
}
