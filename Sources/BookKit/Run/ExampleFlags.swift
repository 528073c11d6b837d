import Foundation

/// The compiler flags an example is built with: the mode's defaults (`-swift-version 6`,
/// and `-Onone` for a sanitizer run), changed by the example's own `// swiftc: FLAGS` lines.
///
/// The flags an example may declare are the ones that change what the compiler checks or
/// how the program is built; anything else (an output path, a search path) is an error,
/// so an example cannot reach outside its own build.
struct ExampleFlags: Equatable {
    /// What `swiftc` gets before the file's path, in order.
    let arguments: [String]

    /// Flags alone (`-parse-as-library`) or followed by one value (`-swift-version 5`),
    /// or written with `=` (`-strict-concurrency=complete`).
    static let standalone: Set<String> = ["-parse-as-library", "-O", "-Onone", "-Osize", "-warnings-as-errors",
                                          "-enable-actor-data-race-checks", "-disable-actor-data-race-checks"]
    static let withValue: Set<String> = ["-swift-version", "-enable-upcoming-feature", "-enable-experimental-feature",
                                         "-default-isolation", "-strict-concurrency", "-D"]

    init(declared: [String], mode: ExampleRunner.Mode, path: String, location: String) throws {
        let words = declared.flatMap { $0.split(separator: " ").map(String.init) }
        var chosen: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if Self.standalone.contains(word) || (Self.withValue.contains(name) && word.contains("=")) {
                chosen.append(word)
            } else if Self.withValue.contains(word), index + 1 < words.count, !words[index + 1].hasPrefix("-") {
                chosen += [word, words[index + 1]]
                index += 1
            } else {
                let known = (Self.standalone.sorted() + Self.withValue.sorted().map { "\($0) VALUE" }).joined(separator: ", ")
                throw BookError("\(path): '// swiftc:' flag '\(word)' is not one an example may set (known: \(known))", at: location)
            }
            index += 1
        }
        var defaults: [String] = []
        if !chosen.contains("-swift-version") { defaults += ["-swift-version", "6"] }
        let optimisation: Set<String> = ["-O", "-Onone", "-Osize"]
        if mode == .threadSanitizer, !chosen.contains(where: optimisation.contains) { defaults.append("-Onone") }
        arguments = defaults + chosen
    }
}
