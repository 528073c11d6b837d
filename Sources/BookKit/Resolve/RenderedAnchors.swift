/// Remembers which code regions a chapter's prose has already shown, so that the same
/// listing is never printed twice (a `{{#code X}}` followed by a `{{#cell X}}` shows anchor
/// `X` twice, while the cell's own code, under another name, is never shown).
struct RenderedAnchors {
    /// Where each region was first shown, by "file#anchor" (or "file" for a whole include).
    private var firstShown: [String: String] = [:]

    /// Records the region `directive` shows, if any; throws if an earlier directive showed it.
    /// `anchorFile` names the chapter file holding an anchor, or nil when no file does
    /// (a `{{#cell}}` whose cell has no anchor of its own shows no code).
    mutating func note(_ directive: Directive, location: String, anchorFile: (String) -> String?) throws {
        let key: String
        switch directive.kind {
        case .code, .cell:
            guard let file = anchorFile(directive.argument) else { return }
            key = "\(file)#\(directive.argument)"
        case .include:
            let (path, anchor) = ChapterResolver.splitInclude(directive.argument)
            key = anchor.map { "\(path)#\($0)" } ?? path
        default:
            return
        }
        if let earlier = firstShown[key] {
            throw BookError("code region '\(key)' is shown twice (first at \(earlier)); anchor a cell's code under the cell's name, or show only its output with {{#output}}", at: location)
        }
        firstShown[key] = location
    }
}
