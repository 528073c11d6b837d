/// Escaping for text that goes into an HTML page.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element
    /// content and inside a quoted attribute value.
    public static func escape(_ text: String) -> String {
        escape(text, apostrophe: true)
    }

    /// Escapes `&`, `<`, `>` and `"` only: the CommonMark reference output leaves
    /// apostrophes alone in running text, and prose is full of them ("don't").
    static func escapeText(_ text: String) -> String {
        escape(text, apostrophe: false)
    }

    private static func escape(_ text: String, apostrophe: Bool) -> String {
        // Fast path: most text needs no escaping at all.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophe: result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
