import Foundation
import Testing
@testable import BookKit

/// The Swift highlighter: token kinds, and that it never loses or reorders a character.
@Suite struct HighlightTests {
    /// The tokens `code` is split into, as (kind, text) pairs, plain text as "plain".
    private func tokens(_ code: String) -> [String] {
        SwiftHighlighter.SwiftTokenizer.tokenize(code).map { "\($0.kind?.rawValue ?? "plain"):\($0.text)" }
    }

    /// Strips the tags and undoes the escaping: what a reader copying the code gets.
    private func plainText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func exactHTML() {
        #expect(SwiftHighlighter.highlight("let s = \"<a & b>\" // 'hi'") ==
            "<span class=\"tok-keyword\">let</span> s = <span class=\"tok-string\">&quot;&lt;a &amp; b&gt;&quot;</span> "
            + "<span class=\"tok-comment\">// &#39;hi&#39;</span>")
    }

    @Test func keywords() {
        let code = "nonisolated func f(_ x: sending some P, y: any Q) async throws -> Int { await g(); return try h() }"
        let keywords = tokens(code).filter { $0.hasPrefix("keyword:") }
        #expect(keywords == ["keyword:nonisolated", "keyword:func", "keyword:sending", "keyword:some", "keyword:any",
                             "keyword:async", "keyword:throws", "keyword:await", "keyword:return", "keyword:try"])
        #expect(tokens("actor Counter {}").prefix(3) == ["keyword:actor", "plain: ", "type:Counter"])
        // Contextual keywords used as names stay plain.
        #expect(tokens("copy(x); a.optional").contains("function-call:copy"))
        #expect(!tokens("a.optional").contains("keyword:optional"))
    }

    @Test func typesAndFunctionCalls() {
        #expect(tokens("let t = Task { print(Int.max) }") == [
            "keyword:let", "plain: t = ", "type:Task", "plain: { ", "function-call:print", "plain:(",
            "type:Int", "plain:.max) }",
        ])
        // A declared function's name is not a call.
        #expect(tokens("func run()") == ["keyword:func", "plain: run()"])
    }

    @Test func numbers() {
        for literal in ["42", "1_000", "0x1F", "0b1010", "0o17", "3.14", "1e-3", "2.5E+10", "0x1p4"] {
            #expect(tokens("x = \(literal)") == ["plain:x = ", "number:\(literal)"], "\(literal)")
        }
        // A member of an integer literal is not a fraction.
        #expect(tokens("1.description") == ["number:1", "plain:.description"])
    }

    @Test func comments() {
        #expect(tokens("a // line\nb") == ["plain:a ", "comment:// line", "plain:\nb"])
        #expect(tokens("/* outer /* inner */ still */ x") == ["comment:/* outer /* inner */ still */", "plain: x"])
        #expect(tokens("/// doc") == ["comment:/// doc"])
    }

    @Test func stringsWithInterpolation() {
        #expect(tokens(#""Hi, \(name.uppercased())!""#) == [
            #"string:"Hi, \("#, "plain:name.", "function-call:uppercased", "plain:()", #"string:)!""#,
        ])
        // Interpolations nest, strings inside them included.
        #expect(tokens(#""a\(f("b\(1)"))c""#) == [
            #"string:"a\("#, "function-call:f", "plain:(", #"string:"b\("#, "number:1", #"string:)""#,
            "plain:)", #"string:)c""#,
        ])
        // Escaped quotes do not end the string.
        #expect(tokens(#""say \"hi\"" + x"#) == [#"string:"say \"hi\"""#, "plain: + x"])
    }

    @Test func multilineAndRawStrings() {
        let multiline = "let s = \"\"\"\n  \"quoted\" line\n  \\(x)\n  \"\"\"\nnext"
        #expect(tokens(multiline) == [
            "keyword:let", "plain: s = ", "string:\"\"\"\n  \"quoted\" line\n  \\(", "plain:x",
            "string:)\n  \"\"\"", "plain:\nnext",
        ])
        #expect(tokens(##"#"a "q" \(raw) \#(x)"#"##) == [##"string:#"a "q" \(raw) \#("##, "plain:x", ##"string:)"#"##])
        #expect(tokens(###"##"x"#y"##"###) == [###"string:##"x"#y"##"###])
    }

    @Test func attributesAndDirectives() {
        #expect(tokens("@MainActor @Sendable () -> Void").prefix(3) ==
            ["attribute:@MainActor", "plain: ", "attribute:@Sendable"])
        #expect(tokens("#if canImport(Glibc)\n#endif") == [
            "directive:#if", "plain: ", "function-call:canImport", "plain:(", "type:Glibc", "plain:)\n",
            "directive:#endif",
        ])
        #expect(tokens("if #available(macOS 15, *) { f(isolation: #isolation) }").contains("directive:#isolation"))
        #expect(tokens("if #available(macOS 15, *) {}").contains("directive:#available"))
    }

    @Test func roundTripOnTrickyInput() {
        let samples = [
            "", "\"unterminated", "\"\"\"\nnever closed", "/* open", "#\"raw never closed", "\"\\(unclosed",
            "`default` = 1 ## @ # 0x", "emoji 🎉 \"é\\u{1F600}\"", "a\r\nb\tc", "x = y ?? z && !w",
        ]
        for sample in samples {
            #expect(plainText(SwiftHighlighter.highlight(sample)) == sample, "\(sample)")
        }
    }

    /// The package's own Swift sources: highlighting must give back every file exactly.
    @Test func roundTripOnRealSwiftFiles() throws {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for folder in ["Sources", "Chapters", "Tests"] {
            let enumerator = FileManager.default.enumerator(at: packageRoot.appendingPathComponent(folder),
                                                            includingPropertiesForKeys: nil)
            while let object = enumerator?.nextObject() {
                if let url = object as? URL, url.pathExtension == "swift" { files.append(url) }
            }
        }
        #expect(files.count >= 10, "found \(files.count) Swift files")
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let highlighted = SwiftHighlighter.highlight(source)
            #expect(plainText(highlighted) == source, "\(file.lastPathComponent)")
            #expect(highlighted.contains("<span class=\"tok-") || source.isEmpty || !source.contains("import"))
        }
    }
}
