// The book builder's command line. The Makefile calls it; see `make help`.
import BookKit
import Foundation

let usage = """
    usage: bookbuilder book [--build-dir DIR]           run stale chapters, write the book
           bookbuilder chapter NN [--build-dir DIR]     run chapter NN in the terminal, write the book
           bookbuilder pages                            write the book from the last good runs
           bookbuilder watch [--port N] [--exercise NN-K] [--build-dir DIR]
                                                        serve book/ on 127.0.0.1, rebuild and reload on save
           bookbuilder soak N [NN ...] [--build-dir DIR] [--examples]
                                                        run chapters N times each, report passes and value spreads;
                                                        --examples: build and run the prose's examples afresh each time too
           bookbuilder exercises [--build-dir DIR] [--build-command "swift build -c release"]
                                                        every exercise and its state, building and running what changed
           bookbuilder render                           Markdown on stdin -> HTML fragment on stdout
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

/// "6.3.1" from `swiftc --version`, so each page can say which compiler built it.
/// Asking costs about 0.2 s, most of an unchanged `make book`, so the answer is kept in
/// `.book/cache/compiler-version` under the compiler's path, size and modification time.
func compilerVersion(_ swiftc: String) -> String {
    let cache = ".book/cache/compiler-version"
    let identity = compilerIdentity(swiftc)
    if let identity, let saved = try? String(contentsOfFile: cache, encoding: .utf8), saved.hasPrefix(identity + "\n") {
        return String(saved.dropFirst(identity.count + 1))
    }
    let version = askCompilerVersion(swiftc)
    if let identity, version != "unknown" {
        try? FileManager.default.createDirectory(atPath: ".book/cache", withIntermediateDirectories: true)
        try? (identity + "\n" + version).write(toFile: cache, atomically: true, encoding: .utf8)
    }
    return version
}

/// The compiler's resolved path, size and modification time, found through PATH like the shell.
func compilerIdentity(_ swiftc: String) -> String? {
    let folders = swiftc.contains("/") ? [""] : (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/" }
    for folder in folders {
        let url = URL(fileURLWithPath: folder + swiftc).resolvingSymlinksInPath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else { continue }
        return "\(url.path) \(size) \(modified.timeIntervalSince1970)"
    }
    return nil
}

func askCompilerVersion(_ swiftc: String) -> String {
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

var buildCommand = ["swift", "build", "-c", "release"]
if let flag = arguments.firstIndex(of: "--build-command") {
    guard flag + 1 < arguments.count else { fail("--build-command needs a command") }
    buildCommand = arguments[flag + 1].split(separator: " ").map(String.init)
    arguments.removeSubrange(flag...(flag + 1))
}

/// The value after `flag` in the arguments, if the flag is there.
@MainActor
func watchOption(_ flag: String) throws -> String? {
    guard let index = arguments.firstIndex(of: flag) else { return nil }
    guard index + 1 < arguments.count, !arguments[index + 1].isEmpty else { throw BookError("\(flag) needs a value") }
    return arguments[index + 1]
}

do {
    switch arguments.first {
    case "exercises":
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let progress = ExerciseProgress(repository: try Repository(root: root),
                                        buildDirectory: URL(fileURLWithPath: buildDirectory, relativeTo: root).standardizedFileURL,
                                        buildCommand: buildCommand, say: { print($0); fflush(nil) })
        try progress.report()
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
    case "watch":
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository = try Repository(root: root)
        let environment = ProcessInfo.processInfo.environment
        let swiftc = environment["SWIFTC"] ?? "swiftc"
        let build = URL(fileURLWithPath: buildDirectory, relativeTo: root).standardizedFileURL
        var options = BookWatch.Options()
        options.swift = environment["SWIFT"] ?? "swift"
        options.configuration = build.lastPathComponent
        options.port = try watchOption("--port").map { text in
            guard let port = UInt16(text) else { throw BookError("--port needs a port number, not '\(text)'") }
            return port
        } ?? 0
        options.exercise = try watchOption("--exercise").map { text in
            let parts = text.split(separator: "-")
            guard parts.count == 2, let number = Int(parts[1]) else { throw BookError("--exercise needs CHAPTER-NUMBER, e.g. 03-1, not '\(text)'") }
            return (String(parts[0]), number)
        }
        let say: @Sendable (String) -> Void = { print($0); fflush(nil) }
        let book = Book(repository: repository, buildDirectory: build, swiftc: swiftc, compilerVersion: compilerVersion(swiftc), say: say)
        try BookWatch(repository: repository, book: book, options: options, say: say).run()
        exit(130)
    case "soak":
        guard arguments.count >= 2, let times = Int(arguments[1]), times > 0 else { fail("how many runs? e.g. bookbuilder soak 20\n\(usage)") }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository = try Repository(root: root)
        let lock = try prepare(repository)
        defer { lock.release() }
        let soaksExamples = arguments.contains("--examples")
        arguments.removeAll { $0 == "--examples" }
        let chosen = arguments.count > 2 ? try arguments.dropFirst(2).map { try repository.chapter($0) }
                                         : try repository.chapters().filter(\.isRunnable)
        let swiftc = ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc"
        let soak = Soak(repository: repository,
                        buildDirectory: URL(fileURLWithPath: buildDirectory, relativeTo: root).standardizedFileURL,
                        swiftVersion: compilerVersion(swiftc), swiftc: swiftc, soaksExamples: soaksExamples)
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
