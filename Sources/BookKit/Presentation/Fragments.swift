import Notebook

/// The HTML of the pieces a chapter page is built from, other than prose and figures:
/// code, program output, passed checks and compiler diagnostics. Every piece of text
/// that came from a program or a file is HTML-escaped here.
public enum Fragments {
    /// A code block: highlighted (Swift) or escaped (anything else), under a header that
    /// names the source file and anchor it came from, with a copy button.
    ///
    /// - Parameters:
    ///   - code: the code exactly as in the file (anchor lines already removed).
    ///   - language: `"swift"` is highlighted with `tok-*` classes; other languages are shown plain.
    ///   - source: the file's path as the reader should see it, e.g. `Chapters/01-threads/Workers.swift`.
    ///   - anchor: the anchor's name, when the block is a region of the file.
    public static func code(_ code: String, language: String, source: String?, anchor: String?) -> String {
        let body = language.lowercased() == "swift" ? SwiftHighlighter.highlight(code) : HTML.escape(code)
        let languageClass = Slug.make(language.isEmpty ? "text" : language)
        var html = "<div class=\"code-block\">\n<div class=\"code-header\">"
        if let source, !source.isEmpty {
            html += "<span class=\"code-source\"><span class=\"visually-hidden\">Source: </span><code>\(HTML.escape(source))</code>"
            if let anchor, !anchor.isEmpty {
                html += " <span class=\"code-anchor\" title=\"anchor in the file\">#\(HTML.escape(anchor))</span>"
            }
            html += "</span>"
        } else {
            html += "<span class=\"code-source\">\(HTML.escape(language.isEmpty ? "code" : language))</span>"
        }
        html += "<button class=\"copy-button\" type=\"button\" aria-label=\"Copy the code\">Copy</button></div>\n"
        html += "<pre class=\"code language-\(languageClass)\"><code>\(body)</code></pre>\n</div>\n"
        return html
    }

    /// What a cell printed: stdout, then stderr (tinted and labelled "stderr" in text, so the
    /// mark does not rely on colour). ANSI colours become colours, other control bytes
    /// visible symbols (`TerminalText`). Both empty gives `""`.
    public static func output(stdout: String, stderr: String) -> String {
        guard !stdout.isEmpty || !stderr.isEmpty else { return "" }
        var html = "<div class=\"output\" role=\"group\" aria-label=\"Program output\">\n"
        if !stdout.isEmpty {
            html += "<div class=\"output-label\">Output</div>\n"
            html += "<pre class=\"output-stdout\"><samp>\(TerminalText.html(trimmingFinalNewline(stdout)))</samp></pre>\n"
        }
        if !stderr.isEmpty {
            html += "<div class=\"output-label output-label-stderr\">stderr</div>\n"
            html += "<pre class=\"output-stderr\"><samp>\(TerminalText.html(trimmingFinalNewline(stderr)))</samp></pre>\n"
        }
        html += "</div>\n"
        return html
    }

    /// The cell's checks as a compact list: `✓ message`, with the check's `file:line`.
    /// A failed check (the book is never built with one, but a partial page might show it)
    /// gets `✗` and the word "failed". No checks gives `""`.
    public static func checks(_ checks: [CheckRecord]) -> String {
        guard !checks.isEmpty else { return "" }
        var html = "<ul class=\"checks\">\n"
        for check in checks {
            let state = check.passed ? "passed" : "failed"
            let mark = check.passed ? "✓" : "✗"
            html += "<li class=\"check check-\(state)\"><span class=\"check-mark\" aria-hidden=\"true\">\(mark)</span>"
            html += "<span class=\"visually-hidden\">\(state): </span>"
            if !check.passed { html += "<strong>failed:</strong> " }
            html += "<span class=\"check-message\">\(HTML.escape(check.message))</span>"
            if !check.location.isEmpty {
                html += " <span class=\"check-location\">\(HTML.escape(check.location))</span>"
            }
            html += "</li>\n"
        }
        html += "</ul>\n"
        return html
    }

    /// A compiler's (or a program's, or a sanitizer's) report, under `label` and the command
    /// that produced it. Lines with `error:` or `warning:` are marked so the eye finds them;
    /// each diagnostic group the compiler names (`[#MutableGlobalVariable]`) links to the
    /// compiler's page about it.
    public static func diagnostic(_ text: String, command: String, label: String = "The compiler says") -> String {
        let groups = DiagnosticGroups(text)
        var html = "<div class=\"diagnostic\" role=\"group\" aria-label=\"\(HTML.escape(label))\">\n"
        html += "<div class=\"diagnostic-header\"><span class=\"diagnostic-label\">\(HTML.escape(label))</span>"
        if !command.isEmpty { html += " <code class=\"diagnostic-command\">$ \(HTML.escape(command))</code>" }
        html += "</div>\n<pre><samp>"
        let lines = trimmingFinalNewline(text).split(separator: "\n", omittingEmptySubsequences: false)
        html += lines.map { line -> String in
            let linked = groups.linkedHTML(String(line))
            if line.contains("error:") { return "<span class=\"diag-error\">\(linked)</span>" }
            if line.contains("warning:") { return "<span class=\"diag-warning\">\(linked)</span>" }
            return linked
        }.joined(separator: "\n")
        html += "</samp></pre>\n</div>\n"
        return html
    }

    /// `content` folded away under a one-line `summary` the reader clicks to open.
    public static func details(summary: String, _ content: String) -> String {
        "<details class=\"whole-report\">\n<summary>\(HTML.escape(summary))</summary>\n\(content)</details>\n"
    }

    /// A `<pre>` already ends its last line; a trailing newline would show as an empty line.
    private static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
