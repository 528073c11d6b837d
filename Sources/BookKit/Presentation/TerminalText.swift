/// What a program printed, made safe and readable for a page. Students' tools print ANSI
/// colours (`ESC [ 31 m`): those become coloured spans. Every other control byte (NUL,
/// a bell, a lone carriage return, an escape sequence that is not a colour) is shown as
/// its visible symbol from Unicode's Control Pictures block (`␀`, `␇`, `␍`, `␛`), so
/// nothing reaches the HTML raw and nothing the program printed is silently hidden.
enum TerminalText {
    /// HTML for a `<pre>`: escaped text, colours as `<span class="ansi-…" style="…">`.
    static func html(_ text: String) -> String {
        var html = ""
        var style = Style()
        var open = false
        var pending = ""  // text in the current style, not yet escaped

        func flush() {
            guard !pending.isEmpty else { return }
            html += HTML.escape(pending)
            pending = ""
        }
        func apply(_ newStyle: Style) {
            guard newStyle != style else { return }
            flush()
            if open { html += "</span>" }
            style = newStyle
            open = !style.isPlain
            if open { html += style.openingTag }
        }

        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}", let (parameters, final, length) = csi(scalars) {
                if final == "m" {
                    apply(style.applying(parameters))
                } else {
                    pending += visible(scalars.prefix(length))
                }
                scalars = scalars.dropFirst(length)
                continue
            }
            if scalar == "\r", scalars.dropFirst().first == "\n" {  // CRLF line ends
                scalars = scalars.dropFirst()
                continue
            }
            pending += visible(scalars.prefix(1))
            scalars = scalars.dropFirst()
        }
        flush()
        if open { html += "</span>" }
        return html
    }

    /// Plain text for Markdown: colours removed, other control bytes made visible.
    static func plain(_ text: String) -> String {
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}", let (_, final, length) = csi(scalars) {
                if final != "m" { result += visible(scalars.prefix(length)) }
                scalars = scalars.dropFirst(length)
                continue
            }
            if scalar == "\r", scalars.dropFirst().first == "\n" {
                scalars = scalars.dropFirst()
                continue
            }
            result += visible(scalars.prefix(1))
            scalars = scalars.dropFirst()
        }
        return result
    }

    /// True when `text` needs this treatment at all (most output does not).
    static func hasControlBytes(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Control bytes as Control Pictures (U+2400 + byte, U+2421 for DEL); C1 controls
    /// (U+0080–U+009F) as `<U+0085>`-style text; everything else unchanged.
    private static func visible(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        for scalar in scalars {
            switch scalar.value {
            case 0x0A, 0x09: result.unicodeScalars.append(scalar)
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result += "\u{2421}"
            case 0x80...0x9F: result += "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A Control Sequence Introducer sequence at the start of `scalars`: `ESC [`, numeric
    /// parameters separated by `;`, one final byte. Returns the parameters, the final byte
    /// and the sequence's length; `nil` when it is not one (then ESC is shown as `␛`).
    private static func csi(_ scalars: ArraySlice<Unicode.Scalar>) -> ([Int], Unicode.Scalar, Int)? {
        var index = scalars.startIndex + 1
        guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
        index += 1
        var text = ""
        while index < scalars.endIndex, (0x30...0x3F).contains(scalars[index].value), text.count < 64 {
            text.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.endIndex, (0x40...0x7E).contains(scalars[index].value) else { return nil }
        let parameters = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        return (parameters, scalars[index], index - scalars.startIndex + 1)
    }

    /// The SGR state that matters on a page: colours, bold, faint, italic, underline.
    struct Style: Equatable {
        var foreground: Int?   // 0-15
        var background: Int?
        var bold = false, faint = false, italic = false, underline = false

        var isPlain: Bool { self == Style() }

        func applying(_ parameters: [Int]) -> Style {
            var style = self
            var codes = parameters.isEmpty ? [0] : parameters
            while !codes.isEmpty {
                let code = codes.removeFirst()
                switch code {
                case 0: style = Style()
                case 1: style.bold = true
                case 2: style.faint = true
                case 3: style.italic = true
                case 4: style.underline = true
                case 22: style.bold = false; style.faint = false
                case 23: style.italic = false
                case 24: style.underline = false
                case 30...37: style.foreground = code - 30
                case 90...97: style.foreground = code - 90 + 8
                case 39: style.foreground = nil
                case 40...47: style.background = code - 40
                case 100...107: style.background = code - 100 + 8
                case 49: style.background = nil
                case 38, 48:
                    // 256-colour (5;n) and true-colour (2;r;g;b): the 16 basic colours of a
                    // 256-colour index are kept, the rest shown in the default colour.
                    let mode = codes.first
                    let count = mode == 5 ? 2 : mode == 2 ? 4 : 1
                    let argument = mode == 5 && codes.count > 1 ? codes[1] : nil
                    codes.removeFirst(min(count, codes.count))
                    let basic = argument.flatMap { $0 < 16 ? $0 : nil }
                    if code == 38 { style.foreground = basic } else { style.background = basic }
                default: break
                }
            }
            return style
        }

        /// Classes name the colours (a theme may restyle them); the inline colours, from
        /// CSS variables with a fallback, make them show without one.
        var openingTag: String {
            var classes: [String] = [], styles: [String] = []
            if let foreground {
                classes.append("ansi-fg-\(foreground)")
                styles.append("color: var(--ansi-\(foreground), \(Self.palette[foreground]))")
            }
            if let background {
                classes.append("ansi-bg-\(background)")
                styles.append("background-color: var(--ansi-\(background), \(Self.palette[background]))")
            }
            if bold { classes.append("ansi-bold"); styles.append("font-weight: 700") }
            if faint { classes.append("ansi-faint"); styles.append("opacity: 0.7") }
            if italic { classes.append("ansi-italic"); styles.append("font-style: italic") }
            if underline { classes.append("ansi-underline"); styles.append("text-decoration: underline") }
            return "<span class=\"\(classes.joined(separator: " "))\" style=\"\(styles.joined(separator: "; "))\">"
        }

        /// Mid-tone colours readable on light and dark backgrounds.
        static let palette = ["#5c5c5c", "#c0392b", "#2e8b57", "#b8860b", "#2f6fbd", "#a347ba", "#1f8f9f", "#8a8a8a",
                              "#7f7f7f", "#e74c3c", "#3cb371", "#d4a017", "#4a90e2", "#c678dd", "#26b5c4", "#b0b0b0"]
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
