import Foundation
import Synchronization

/// The repository the book is built from: its root folder and its chapters.
public struct Repository: Sendable {
    public let root: URL

    /// `root` must hold `Package.swift` and `Chapters/`.
    public init(root: URL) throws {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
              FileManager.default.fileExists(atPath: root.appendingPathComponent("Chapters").path) else {
            throw BookError("\(root.path) is not the book's repository (no Package.swift and Chapters/ there)")
        }
        self.root = root
    }

    /// Chapter folders `Chapters/NN-name/` holding a README.md, in order.
    public func chapters() throws -> [Chapter] {
        let folder = root.appendingPathComponent("Chapters")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return names.compactMap { name in
            guard name.range(of: #"^[0-9]{2}-[A-Za-z0-9-]+$"#, options: .regularExpression) != nil else { return nil }
            let chapterFolder = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: chapterFolder.appendingPathComponent("README.md").path) else { return nil }
            return Chapter(slug: name, folder: chapterFolder, repository: self)
        }
    }

    /// The chapter whose number is `number` ("05"), or whose slug is `number` ("05-futures").
    public func chapter(_ number: String) throws -> Chapter {
        let all = try chapters()
        let wanted = number.count == 1 ? "0" + number : number
        guard let chapter = all.first(where: { $0.number == wanted || $0.slug == wanted }) else {
            throw BookError("there is no chapter \(number); chapters: \(all.map(\.slug).joined(separator: ", "))")
        }
        return chapter
    }

    /// `path` relative to the repository root, for messages and captions.
    public func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Resolves `path` (relative to `base`) and refuses anything outside the repository,
    /// inside `.git/`, or ignored by git (build products, runs, local settings): a page
    /// must never publish what is not part of the book's sources.
    public func resolve(_ path: String, relativeTo base: URL) throws -> URL {
        let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path + "/") else {
            throw BookError("'\(path)' is outside the repository; includes must stay inside it")
        }
        let inside = relative(url)
        if inside.split(separator: "/").contains(".git") {
            throw BookError("'\(path)' is inside .git/; includes must be the book's own files")
        }
        if isIgnoredByGit(inside) {
            throw BookError("'\(path)' is ignored by git (\(inside)); includes must be files the repository keeps")
        }
        return url
    }

    /// `git check-ignore`; false when git is missing or this is not a git checkout. A file
    /// git tracks is never ignored, so the tracked files are listed once per process (one
    /// `git ls-files`) and only the others cost a `git check-ignore` of their own: a build
    /// resolves every include of every chapter, and a process per include cost it seconds.
    func isIgnoredByGit(_ relativePath: String) -> Bool {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) else { return false }
        if GitTrackedFiles.shared.isTracked(relativePath, in: root) { return false }
        guard let child = try? ChildProcess(executable: "git", arguments: ["-C", root.path, "check-ignore", "-q", "--", relativePath],
                                            environment: ProcessInfo.processInfo.environment, output: .file("/dev/null")) else { return false }
        return child.wait(timeout: 10) == .exited(0)
    }
}

/// One chapter: `Chapters/NN-name/` with its prose and its executable `chapter-NN`.
public struct Chapter: Sendable {
    public let slug: String
    public let folder: URL
    let repository: Repository

    /// "05" for `05-futures`.
    public var number: String { String(slug.prefix(2)) }
    public var productName: String { "chapter-\(number)" }
    public var proseURL: URL { folder.appendingPathComponent("README.md") }
    public var prosePath: String { repository.relative(proseURL) }
    public var isRunnable: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("main.swift").path)
    }

    /// The chapter's `.swift` files (the top of its folder: what its target compiles).
    public func sourceFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".swift") }
            .map { folder.appendingPathComponent($0) }
    }
}

/// The files git tracks in a checkout, listed once per process and root.
final class GitTrackedFiles: Sendable {
    static let shared = GitTrackedFiles()
    private let listed = Mutex<[String: Set<String>]>([:])

    func isTracked(_ relativePath: String, in root: URL) -> Bool {
        let normalized = relativePath.hasPrefix("./") ? String(relativePath.dropFirst(2)) : relativePath
        return listed.withLock { listed in
            if listed[root.path] == nil { listed[root.path] = Self.list(root) }
            return listed[root.path]?.contains(normalized) ?? false
        }
    }

    /// `git ls-files -z`, or nothing when git cannot say (started like every program the
    /// builder runs: in a process group of its own, with a deadline).
    private static func list(_ root: URL) -> Set<String> {
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("book-ls-files-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: listing) }
        guard let git = try? ChildProcess(executable: "git", arguments: ["-C", root.path, "ls-files", "-z"],
                                          environment: ProcessInfo.processInfo.environment, output: .file(listing)),
              git.wait(timeout: 10) == .exited(0),
              let data = FileManager.default.contents(atPath: listing) else { return [] }
        return Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }
}
