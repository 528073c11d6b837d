/// The chart rules of `book/theme/book.css`, condensed for an SVG file that stands on its
/// own (the Markdown book shows charts as images, where no page stylesheet applies):
/// light colours, and dark ones when the viewer prefers dark.
enum StandaloneChartStyle {
    static let css = """
    svg{--fg:#1f2328;--muted:#57606a;--bg:#ffffff;--lane:#f3f5f8;--lane-alt:#e9edf2;--grid:#d3d9e0;--axis:#6a737d;--bar:#3b6fb6;--ideal:#1f2328;--span-text:#ffffff;--s0:#3b6fb6;--s1:#c0561a;--s2:#2b8454;--s3:#8443a8;--s4:#b0364a;--s5:#5a6675;color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
    @media (prefers-color-scheme:dark){svg{--fg:#e2e5e9;--muted:#9ba4ae;--bg:#16181d;--lane:#1d2026;--lane-alt:#23272e;--grid:#353b45;--axis:#8c96a2;--bar:#6fa3e6;--ideal:#f5f6f7;--span-text:#10131a;--s0:#79a8e8;--s1:#f2a464;--s2:#6cc891;--s3:#c79de6;--s4:#ee8795;--s5:#aab5c2}}
    .chart-bg{fill:var(--bg)}text{fill:currentColor;font-size:12px}
    .tick-label,.axis-label,.chart-note,.legend-label{fill:var(--muted);font-size:11px}
    .lane-band{fill:var(--lane)}.lane-band-alt{fill:var(--lane-alt)}
    .grid-line{stroke:var(--grid)}.axis-line,.tick{stroke:var(--axis)}
    .span-bar{stroke:var(--bg);stroke-width:.75}.span-label{fill:var(--span-text);font-size:11px}
    .span-color-0 .span-bar{fill:var(--s0)}.span-color-1 .span-bar{fill:var(--s1)}.span-color-2 .span-bar{fill:var(--s2)}
    .span-color-3 .span-bar{fill:var(--s3)}.span-color-4 .span-bar{fill:var(--s4)}.span-color-5 .span-bar{fill:var(--s5)}
    .bar{fill:var(--bar)}.bar-label{font-weight:600}.bar-value{font-weight:400;fill:var(--muted);font-size:11.5px}
    .ideal-marker{stroke:var(--ideal);stroke-width:2.5;stroke-dasharray:4 2.5}
    """
}
