// The book builder's command line. The Makefile calls it; see `make help`.
import BookKit
import Foundation

let usage = """
    usage: bookbuilder book [--build-dir DIR]           run stale chapters, write the book
           bookbuilder chapter NN [--build-dir DIR]     run chapter NN in the terminal, write the book
           bookbuilder pages                            write the book from the last good runs
           bookbuilder soak N [NN ...] [--build-dir DIR] run chapters N times each, report passes and value spreads
           bookbuilder render                           Markdown on stdin -> HTML fragment on stdout
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

/// "6.3.1" from `swiftc --version`, so each page can say which compiler built it.
func compilerVersion(_ swiftc: String) -> String {
    let pipe = Pipe(), process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [swiftc, "--version"]
    process.standardOutput = pipe
    process.standardError = pipe
    guard (try? process.run()) != nil else { return "unknown" }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard let range = text.range(of: #"Swift version [0-9][0-9.]*"#, options: .regularExpression) else { return "unknown" }
    return String(text[range].dropFirst("Swift version ".count))
}

var arguments = Array(CommandLine.arguments.dropFirst())
var buildDirectory = ".build/release"
if let flag = arguments.firstIndex(of: "--build-dir") {
    guard flag + 1 < arguments.count else { fail("--build-dir needs a folder") }
    buildDirectory = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
var compileFailures: String?
if let flag = arguments.firstIndex(of: "--compile-failures") {
    guard flag + 1 < arguments.count else { fail("--compile-failures needs a folder") }
    compileFailures = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}

/// What every command that runs chapters or writes the book does first: take the
/// repository's build lock (one build at a time), make Ctrl-C stop everything it starts,
/// and remove temporary folders a killed build left behind.
@MainActor func prepare(_ repository: Repository) throws -> BuildLock {
    let root = repository.root
    Interruption.install(removing: [root.appendingPathComponent("book/.staging-\(getpid())"),
                                    FileManager.default.temporaryDirectory.appendingPathComponent("book-soak-\(getpid())")])
    Subreaper.enable()
    let lock = try BuildLock(repository: repository, command: arguments.joined(separator: " ")) { holder in
        print("waiting: another build is running in this folder (\(holder)); this one starts when it ends (Ctrl-C to give up)")
        fflush(nil)
    }
    let stale = Interruption.removeStaleFolders(in: [root.appendingPathComponent(".book/runs"), root.appendingPathComponent("book")])
    if !stale.isEmpty { print("removed what an interrupted build left behind: \(stale.joined(separator: ", "))") }
    return lock
}

do {
    switch arguments.first {
    case "render":
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        print(Markdown.toHTML(input), terminator: "")
    case "book", "chapter", "pages":
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository = try Repository(root: root)
        let lock = try prepare(repository)
        defer { lock.release() }
        let swiftc = environment["SWIFTC"] ?? "swiftc"
        let book = Book(repository: repository,
                        buildDirectory: URL(fileURLWithPath: buildDirectory, relativeTo: root).standardizedFileURL,
                        swiftc: swiftc, compilerVersion: compilerVersion(swiftc),
                        compileFailures: compileFailures.map { URL(fileURLWithPath: $0, relativeTo: root).standardizedFileURL },
                        say: { print($0); fflush(nil) })
        switch arguments.first {
        case "book": try book.build()
        case "pages": try book.renderOnly()
        default:
            guard arguments.count == 2 else { fail("which chapter? e.g. bookbuilder chapter 05\n\(usage)") }
            try book.runChapter(arguments[1])
        }
    case "soak":
        guard arguments.count >= 2, let times = Int(arguments[1]), times > 0 else { fail("how many runs? e.g. bookbuilder soak 20\n\(usage)") }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository = try Repository(root: root)
        let lock = try prepare(repository)
        defer { lock.release() }
        let chosen = arguments.count > 2 ? try arguments.dropFirst(2).map { try repository.chapter($0) }
                                         : try repository.chapters().filter(\.isRunnable)
        let soak = Soak(repository: repository,
                        buildDirectory: URL(fileURLWithPath: buildDirectory, relativeTo: root).standardizedFileURL,
                        swiftVersion: compilerVersion(ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc"))
        var reports: [Soak.ChapterReport] = []
        for chapter in chosen {
            reports.append(soak.run(chapter, times: times) { index, outcome in
                switch outcome {
                case .success(let seconds): print("[\(chapter.slug)] run \(index)/\(times) ok in \(String(format: "%.1f", seconds)) s")
                case .failure(let error): print("[\(chapter.slug)] run \(index)/\(times) FAILED: \(error.message.split(separator: "\n").first ?? "")")
                }
                fflush(nil)
            })
        }
        let report = Soak.markdown(reports)
        try FileManager.default.createDirectory(atPath: ".book", withIntermediateDirectories: true)
        try report.write(toFile: ".book/soak.md", atomically: true, encoding: .utf8)
        print("\n" + report + "\n(also in .book/soak.md)")
        if reports.contains(where: { $0.passed < $0.runs }) { exit(1) }
    default:
        fail(usage)
    }
} catch {
    fail("\(error)")
}
