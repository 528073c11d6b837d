import Testing
@testable import BookKit

/// Program output with ANSI colours and control bytes, as students' tools print it.
@Suite("Terminal output on a page")
struct TerminalTextTests {
    @Test func ansiColoursBecomeSpansAndResetCloses() {
        let html = TerminalText.html("ok \u{1B}[31mred\u{1B}[0m and \u{1B}[1;32mbold green\u{1B}[m.")
        #expect(html == "ok <span class=\"ansi-fg-1\" style=\"color: var(--ansi-1, #c0392b)\">red</span> and "
                + "<span class=\"ansi-fg-2 ansi-bold\" style=\"color: var(--ansi-2, #2e8b57); font-weight: 700\">bold green</span>.")
    }

    @Test func controlBytesAreShownVisiblyAndNothingRawRemains() {
        let html = TerminalText.html("a\u{0}b\u{7}c\rd\r\ne\u{1B}[2Kf\u{1B}g\u{7F}<h>\u{85}")
        #expect(html == "a␀b␇c␍d\ne␛[2Kf␛g␡&lt;h&gt;&lt;U+0085&gt;")
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func colourLeftOpenIsClosedAndTextEscapedInsideSpans() {
        let html = TerminalText.html("\u{1B}[38;5;4m<b>\u{1B}[38;2;1;2;3m plain")
        #expect(html == "<span class=\"ansi-fg-4\" style=\"color: var(--ansi-4, #2f6fbd)\">&lt;b&gt;</span> plain")
    }

    @Test func markdownGetsPlainTextWithoutColours() {
        #expect(TerminalText.plain("\u{1B}[31mred\u{1B}[0m\u{0}") == "red␀")
    }

    @Test func outputFragmentUsesIt() {
        let html = Fragments.output(stdout: "\u{1B}[33mwarn\u{1B}[0m\u{0}\n", stderr: "")
        #expect(html.contains("<span class=\"ansi-fg-3\""))
        #expect(html.contains("␀"))
        #expect(!html.contains("\u{1B}") && !html.contains("\u{0}"))
    }
}
