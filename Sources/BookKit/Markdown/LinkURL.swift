extension Markdown {
    /// The checks and escaping a link or image URL gets before it goes into an
    /// `href` or `src` attribute.
    enum LinkURL {
        /// Whether a URL may be linked. `javascript:`, `vbscript:` and `file:` URLs,
        /// and `data:` URLs other than images, are refused: such a link is rendered
        /// as plain text. Browsers ignore whitespace and control characters inside a
        /// scheme, so those are ignored here too.
        static func isAllowed(_ url: String) -> Bool {
            let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
            for scheme in ["javascript:", "vbscript:", "file:"] where compact.hasPrefix(scheme) {
                return false
            }
            if compact.hasPrefix("data:") {
                return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                    .contains { compact.hasPrefix($0) }
            }
            return true
        }

        /// Percent-encodes what is not allowed in a URL (spaces, non-ASCII...) and
        /// escapes what is special in an HTML attribute. Existing `%XX` escapes stay.
        static func escaped(_ url: String) -> String {
            var result = ""
            for byte in url.utf8 {
                switch byte {
                case UInt8(ascii: "&"):
                    result += "&amp;"
                case UInt8(ascii: "'"):
                    result += "&#39;"
                case _ where isKeptAsIs(byte):
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return result
        }

        /// Letters, digits and the characters URLs use as delimiters.
        private static func isKeptAsIs(_ byte: UInt8) -> Bool {
            guard byte < 0x80 else { return false }
            let scalar = Unicode.Scalar(byte)
            return scalar.isASCIIAlphanumeric || "-._~:/?#@!$()*+,;=%".unicodeScalars.contains(scalar)
        }
    }
}

extension String {
    /// The string with `0`s in front, up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
