/// Makes chapter bodies fit together in one document: each chapter's ids get a prefix
/// (`01-threads--exercises`) so two chapters' "Exercises" headings do not collide, and
/// links between chapters (`02-locks.html#mutex`) become links within the page
/// (`#02-locks--mutex`). Only attribute values are touched; escaped text such as code that
/// shows `id="x"` is left alone, because its quotes are `&quot;`.
struct WholeBookLinks {
    let pageHrefs: Set<String>

    init(pageHrefs: [String]) {
        self.pageHrefs = Set(pageHrefs)
    }

    /// A page's section id: its file name without `.html`.
    func slug(_ href: String) -> String {
        href.hasSuffix(".html") ? String(href.dropLast(5)) : href
    }

    func rewrite(_ body: String, inPage href: String) -> String {
        let prefix = slug(href) + "--"
        let attribute = #/(\s)(id|for|href|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/#
        return body.replacing(attribute) { match in
            let (_, space, name, value) = match.output
            let newValue: String
            switch name {
            case "id", "for":
                newValue = prefix + value
            case "href":
                newValue = rewriteHref(String(value), prefix: prefix)
            default:
                newValue = value.split(separator: " ").map { prefix + $0 }.joined(separator: " ")
            }
            return "\(space)\(name)=\"\(newValue)\""
        }
    }

    /// Every heading one level down (`h1` to `h2`, ..., `h5` to `h6`; `h6` stays), so the
    /// book's title is the document's only `h1` and each chapter's title is an `h2`.
    func demotingHeadings(_ body: String) -> String {
        body.replacing(#/<(/?)h([1-6])\b/#) { match in
            let level = min(Int(match.output.2)! + 1, 6)
            return "<\(match.output.1)h\(level)"
        }
    }

    private func rewriteHref(_ href: String, prefix: String) -> String {
        if href.hasPrefix("#") {
            return href == "#" ? href : "#" + prefix + href.dropFirst()
        }
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        guard pageHrefs.contains(file) else { return href }
        let target = slug(file)
        return parts.count == 2 && !parts[1].isEmpty ? "#\(target)--\(parts[1])" : "#\(target)"
    }
}
