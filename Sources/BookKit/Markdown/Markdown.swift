/// A CommonMark renderer with the GitHub extensions the book uses (tables,
/// callouts, heading ids).
///
/// The pipeline, one file per stage:
/// 1. `BlockParser` splits the text into blocks (paragraphs, lists, quotes, code...);
/// 2. `DocumentBuilder` parses each block's text with `InlineParser` (emphasis,
///    links, code spans...) and names the headings with `HeadingSlugger`;
/// 3. `HTMLRenderer` writes the HTML.
///
/// It follows the CommonMark spec (0.31), with these additions and differences:
/// - headings get GitHub-style `id`s (`HeadingSlugger`);
/// - GFM tables, wrapped in `<div class="table-wrap">` so they scroll on phones;
/// - GitHub callouts: `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`;
/// - `<script>`, `<style>`, `<iframe>` and the other tags of GFM's tag filter are
///   never raw HTML: they are escaped and shown as text;
/// - links and images to `javascript:` (and similar) URLs render as plain text;
/// - entity references are passed through as written; inside URLs only numeric
///   references and a few common names are decoded (`EntityReference`).
public enum Markdown {
    /// Renders a Markdown document to an HTML fragment.
    public static func toHTML(_ source: String) -> String {
        HTMLRenderer.render(parse(source))
    }

    /// The document's headings in order (level 1...6, plain text, the id given to
    /// the heading element).
    public static func headings(_ source: String) -> [Heading] {
        var headings: [Heading] = []
        collectHeadings(in: parse(source), into: &headings)
        return headings
    }

    /// Stages 1 and 2: the document's blocks, with inline content parsed.
    static func parse(_ source: String) -> [Block] {
        let (document, references) = BlockParser.parse(source)
        var builder = DocumentBuilder(references: references)
        return builder.blocks(document.children)
    }

    private static func collectHeadings(in blocks: [Block], into headings: inout [Heading]) {
        for block in blocks {
            switch block {
            case .heading(let level, let content, let id):
                headings.append(Heading(level: level, text: plainText(content), id: id))
            case .blockQuote(let children), .callout(_, let children):
                collectHeadings(in: children, into: &headings)
            case .list(_, _, let items):
                for item in items { collectHeadings(in: item, into: &headings) }
            case .paragraph, .thematicBreak, .codeBlock, .htmlBlock, .table:
                break
            }
        }
    }
}
