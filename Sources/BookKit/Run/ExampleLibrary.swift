import Foundation

/// A module that an example imports, built first from a file of its own with flags of its
/// own: the line `// library: OldLib.swift -swift-version 5` in an example builds
/// `OldLib.swift` (next to the example) as module `OldLib` in Swift 5 mode, and the example
/// is then compiled against it and linked with it. This is how a chapter shows code built
/// in one language mode calling code built in another: the two modes cannot meet in one file.
struct ExampleLibrary {
    /// The module's name: the file's name without `.swift`.
    let moduleName: String
    let url: URL
    /// The library's path as the book shows it (repository-relative).
    let path: String
    let flags: ExampleFlags
    let text: String

    /// The library the example declares, or nil when it declares none. Only one library
    /// per example, and only from the example's own folder or below it.
    init?(declaredBy source: AnchoredSource, exampleURL: URL, repository: Repository, mode: ExampleRunner.Mode,
          location: String) throws {
        let lines = source.directives("library")
        guard let line = lines.first else { return nil }
        guard lines.count == 1 else {
            throw BookError("\(source.path) declares \(lines.count) '// library:' lines; an example may import one library", at: location)
        }
        let words = line.split(separator: " ").map(String.init)
        guard let file = words.first, file.hasSuffix(".swift"), !file.contains(".."), !file.hasPrefix("/") else {
            throw BookError("\(source.path): '// library: FILE.swift FLAGS' needs a .swift file next to the example, not '\(line)'", at: location)
        }
        let folder = exampleURL.deletingLastPathComponent()
        url = folder.appendingPathComponent(file)
        path = repository.relative(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BookError("\(source.path): no library file '\(path)'", at: location)
        }
        text = String(decoding: data, as: UTF8.self)
        moduleName = url.deletingPathExtension().lastPathComponent
        guard moduleName.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
            throw BookError("\(source.path): library file name '\(file)' is not a module name", at: location)
        }
        // A library is compiled, never run: it takes the mode's defaults of a compile.
        flags = try ExampleFlags(declared: Array(words.dropFirst()), mode: mode == .threadSanitizer ? .threadSanitizer : .compileFail,
                                 path: source.path, location: location)
    }

    /// What the cache key must include: a change to the library is a change to the example.
    var fingerprint: String { "library \(path) \(flags.arguments.joined(separator: " "))\n\(text)" }

    /// `swiftc` arguments that build the module and its object file into `work`.
    func buildArguments(work: URL) -> [String] {
        let parse = flags.arguments.contains("-parse-as-library") ? [] : ["-parse-as-library"]
        return flags.arguments + parse + ["-module-name", moduleName, "-emit-module",
                                          "-emit-module-path", work.appendingPathComponent("\(moduleName).swiftmodule").path,
                                          "-c", url.path, "-o", objectPath(work: work)]
    }

    /// Arguments the example's own compile gets: the module's folder, and (when linking)
    /// the library's object file.
    func exampleArguments(work: URL, linking: Bool) -> [String] {
        ["-I", work.path] + (linking ? [objectPath(work: work)] : [])
    }

    /// The example's command as the book shows it, with the library's build in front.
    func shown(_ command: String, examplePath: String) -> String {
        let parse = flags.arguments.contains("-parse-as-library") ? "" : " -parse-as-library"
        let library = "swiftc \(flags.arguments.joined(separator: " "))\(parse) -module-name \(moduleName) -emit-module -c \(path)"
        let linking = command.contains(" -c \(examplePath)") ? "" : " \(moduleName).o"
        let example = command.replacingOccurrences(of: " \(examplePath)", with: " -I .\(linking) \(examplePath)")
        return "\(library) && \(example)"
    }

    private func objectPath(work: URL) -> String {
        work.appendingPathComponent("\(moduleName).o").path
    }
}
