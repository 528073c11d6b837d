/// What a batch of changed files asks `make watch` to do.
///
/// - a `.swift` file at the top of `Chapters/NN-name/` is that chapter's code: rebuild
///   and re-run the chapter;
/// - any other `.swift` file under `Sources/` is a library every chapter may use:
///   rebuild everything and re-run the chapters whose executables changed;
/// - `Sources/BookKit/` and `Sources/bookbuilder/` are the builder itself, which cannot
///   replace itself while it runs: say so;
/// - anything else (prose, included files, examples, the theme) only re-renders, and the
///   page cache re-resolves just the chapters whose inputs changed.
struct WatchedChange: Equatable {
    var chapterCode: Set<String> = []
    var libraries = false
    var builder = false
    var render = false

    init(paths: [String], root: String) {
        for path in paths {
            guard path.hasPrefix(root + "/") else { continue }
            let parts = path.dropFirst(root.count + 1).split(separator: "/").map(String.init)
            guard let top = parts.first else { continue }
            let isSwift = path.hasSuffix(".swift")
            switch top {
            case "Chapters" where parts.count == 3 && isSwift:
                chapterCode.insert(parts[1])
            case "Sources" where parts.count >= 2 && (parts[1] == "BookKit" || parts[1] == "bookbuilder"):
                builder = true
            case "Sources" where isSwift:
                libraries = true
            default:
                render = true
            }
        }
        // Included sources are shown in pages too: every change may re-render something.
        if libraries || builder || !chapterCode.isEmpty { render = true }
    }
}
