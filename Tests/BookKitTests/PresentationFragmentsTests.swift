import Testing
@testable import BookKit
import Notebook

@Suite("Fragments: code, output, checks, diagnostics")
struct PresentationFragmentsTests {
    @Test("Code shows its source file and anchor, a copy button, and escapes non-Swift code")
    func code() {
        let html = Fragments.code("let x = \"<tag>\" && y", language: "swift",
                                  source: "Chapters/01-threads/Workers.swift", anchor: "five-workers")
        #expect(html.contains("<code>Chapters/01-threads/Workers.swift</code>"))
        #expect(html.contains("#five-workers"))
        #expect(html.contains("<button class=\"copy-button\" type=\"button\""))
        #expect(html.contains("<pre class=\"code language-swift\"><code>"))
        #expect(!html.contains("<tag>"))
        #expect(html.contains("&lt;tag&gt;"))

        let plain = Fragments.code("echo <b>'hi'</b>", language: "sh", source: nil, anchor: nil)
        #expect(plain.contains("echo &lt;b&gt;&#39;hi&#39;&lt;/b&gt;"))
        #expect(plain.contains("language-sh"))
    }

    @Test("Source paths and anchors are escaped too")
    func codeHeaderEscaped() {
        let html = Fragments.code("x", language: "swift", source: "a<b>.swift", anchor: "\"q\"")
        #expect(!html.contains("a<b>"))
        #expect(html.contains("a&lt;b&gt;.swift"))
        #expect(html.contains("#&quot;q&quot;"))
    }

    @Test("Output escapes everything the program printed, including a <script>")
    func outputEscaped() {
        let html = Fragments.output(stdout: "<script>alert('x')</script>\n", stderr: "a & b\n")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("a &amp; b"))
    }

    @Test("stderr is marked with a text label and its own class, stdout is labelled Output")
    func stderrMarked() {
        let html = Fragments.output(stdout: "out", stderr: "err")
        #expect(html.contains("<div class=\"output-label\">Output</div>"))
        #expect(html.contains("<div class=\"output-label output-label-stderr\">stderr</div>"))
        #expect(html.contains("<pre class=\"output-stderr\"><samp>err</samp></pre>"))
        #expect(html.contains("<pre class=\"output-stdout\"><samp>out</samp></pre>"))
        // stdout first.
        #expect(html.range(of: "output-stdout")!.lowerBound < html.range(of: "output-stderr")!.lowerBound)

        let onlyErr = Fragments.output(stdout: "", stderr: "err")
        #expect(!onlyErr.contains("output-stdout"))
        #expect(onlyErr.contains("output-stderr"))
    }

    @Test("No output gives no block; a final newline does not become an empty line")
    func emptyOutput() {
        #expect(Fragments.output(stdout: "", stderr: "") == "")
        #expect(Fragments.output(stdout: "one\ntwo\n", stderr: "").contains("<samp>one\ntwo</samp>"))
    }

    @Test("Checks are a compact list with a mark, the escaped message and the location")
    func checks() {
        let html = Fragments.checks([
            CheckRecord(message: "total == 5 <all>", passed: true, location: "Workers.swift:12"),
            CheckRecord(message: "fast", passed: false, location: ""),
        ])
        #expect(html.hasPrefix("<ul class=\"checks\""))
        #expect(html.contains("<li class=\"check check-passed\"><span class=\"check-mark\" aria-hidden=\"true\">✓</span>"))
        #expect(html.contains("total == 5 &lt;all&gt;"))
        #expect(html.contains("<span class=\"check-location\">Workers.swift:12</span>"))
        #expect(html.contains("check-failed"))
        #expect(html.contains("<strong>failed:</strong>"))
        #expect(Fragments.checks([]) == "")
    }

    @Test("A diagnostic shows the command and the escaped text, marking error lines")
    func diagnostic() {
        let text = "main.swift:3:5: error: mutation of captured var 'x' in concurrently-executing code\n    x += 1 // <here>\n"
        let html = Fragments.diagnostic(text, command: "swiftc -swift-version 6 race.swift")
        #expect(html.contains("<code class=\"diagnostic-command\">$ swiftc -swift-version 6 race.swift</code>"))
        #expect(html.contains("<span class=\"diag-error\">main.swift:3:5: error: mutation of captured var &#39;x&#39; in concurrently-executing code</span>"))
        #expect(html.contains("x += 1 // &lt;here&gt;"))
        #expect(!html.contains("<here>"))
    }
}
