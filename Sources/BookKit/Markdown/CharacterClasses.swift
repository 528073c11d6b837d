/// The character classes the CommonMark spec defines (section 2.1), on Unicode scalars.
/// Markdown syntax is all ASCII, so the parsers work on arrays of scalars and only
/// ask Unicode about a character when a flanking rule needs it.
extension Unicode.Scalar {
    /// Space or tab.
    var isSpaceOrTab: Bool { self == " " || self == "\t" }

    /// Unicode whitespace: the Zs category, tab, line feed, form feed, carriage return.
    var isMarkdownWhitespace: Bool {
        switch self {
        case " ", "\t", "\n", "\u{0C}", "\r": true
        default: properties.generalCategory == .spaceSeparator
        }
    }

    /// ASCII punctuation: the characters a backslash can escape.
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Unicode punctuation: the P (punctuation) and S (symbol) categories.
    var isMarkdownPunctuation: Bool {
        if isASCII { return isASCIIPunctuation }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}

extension Array where Element == Unicode.Scalar {
    /// The element at `index`, or nil past either end: lets scanners peek freely.
    subscript(safe index: Int) -> Unicode.Scalar? {
        index >= 0 && index < count ? self[index] : nil
    }
}

extension String {
    /// A string made of a run of scalars.
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}
