extension Markdown {
    /// Gives headings GitHub-style ids: lowercase, spaces to `-`, punctuation
    /// dropped; a repeated slug gets `-1`, `-2`... (the rules of GitHub's
    /// `github-slugger`, so links written for GitHub keep working).
    struct HeadingSlugger {
        /// How many times each slug's base has been repeated.
        private var occurrences: [String: Int] = [:]

        /// The id for a heading with this plain text, unique within the document.
        mutating func slug(for text: String) -> String {
            var base = Self.baseSlug(text)
            // An empty id is not valid HTML; GitHub would produce one.
            if base.isEmpty { base = "section" }
            var slug = base
            while occurrences[slug] != nil {
                let count = (occurrences[base] ?? 0) + 1
                occurrences[base] = count
                slug = "\(base)-\(count)"
            }
            occurrences[slug] = 0
            return slug
        }

        /// Keeps letters, marks, numbers, `_`-like connectors, spaces and hyphens;
        /// then spaces become hyphens.
        static func baseSlug(_ text: String) -> String {
            var slug = String.UnicodeScalarView()
            for scalar in text.lowercased().unicodeScalars {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark,
                     .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                    slug.append(scalar)
                default:
                    if scalar == " " { slug.append("-") } else if scalar == "-" { slug.append(scalar) }
                }
            }
            return String(slug)
        }
    }
}
