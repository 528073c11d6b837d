import Foundation

/// A named, runnable step of a chapter. A cell's code, its output and its figures
/// appear together in the book. A `Cell` may be used from any thread or task.
public final class Cell: Sendable {
    public let name: String
    public let title: String
    private let notebook: Notebook
    private let state = Locked(State())

    private struct State {
        var checks: [CheckRecord] = []
        var figures: [Figure] = []
    }

    /// Figures keep their order of creation; timelines are read when the cell ends.
    private enum Figure {
        case timeline(Timeline)
        case fixed(FigureRecord)
    }

    init(name: String, title: String, notebook: Notebook) {
        self.name = name
        self.title = title
        self.notebook = notebook
    }

    // MARK: Checks

    /// A self-check: a claim the prose makes, verified by this run. A failed check
    /// fails the chapter (after this cell ends) and so fails the build.
    ///
    /// Say in `message` what must hold, with the measured numbers, for example
    /// `"concurrent 0.05 s < 0.5 × sequential 0.25 s"`.
    public func check(_ condition: Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let record = CheckRecord(message: message(), passed: condition, location: "\(Self.relativePath(file)):\(line)")
        state.withLock { $0.checks.append(record) }
    }

    /// A source path relative to the working folder (the repository, when the book runs
    /// a chapter), so the book shows `Chapters/01-threads/Joining.swift:12`.
    static func relativePath(_ file: StaticString) -> String {
        let path = "\(file)", base = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    var failedChecks: [CheckRecord] { state.withLock { $0.checks.filter { !$0.passed } } }

    // MARK: Measured values

    /// Exports a measured number for the prose, which shows it as `{{#value name}}`.
    /// `digits` is the number of decimals; the unit follows after a space.
    ///
    /// A time (`unit` `"s"`, `"ms"`, `"µs"`/`"us"` or `"ns"`) is shown in the unit its
    /// magnitude needs, like `Format.duration`, whatever `digits` says: a measured 315 µs
    /// exported in seconds reads `315.0 µs`, never `0.000 s`.
    ///
    /// Returns the text the prose shows: print that, rather than reading the quantity again.
    @discardableResult
    public func value(_ name: String, _ number: Double, digits: Int = 2, unit: String = "") -> String {
        let text: String
        if let secondsPerUnit = Format.secondsPerUnit[unit] {
            text = Format.duration(number * secondsPerUnit)
        } else {
            text = Format.number(number, digits: digits) + (unit.isEmpty ? "" : " \(unit)")
        }
        notebook.export(name, ValueRecord(text: text, number: number, cell: self.name))
        return text
    }

    /// Exports a time measured in seconds, shown in the unit its magnitude needs
    /// (`315.0 µs`, `254 ms`, `1.25 s`). The same text as `"\(seconds: x)"` in a check message.
    @discardableResult
    public func value(_ name: String, seconds: Double) -> String {
        value(name, seconds, unit: "s")
    }

    /// Exports a count (shown with thousands separators, e.g. `10,000`).
    @discardableResult
    public func value(_ name: String, _ count: Int, unit: String = "") -> String {
        let text = Format.count(count) + (unit.isEmpty ? "" : " \(unit)")
        notebook.export(name, ValueRecord(text: text, number: Double(count), cell: self.name))
        return text
    }

    /// Exports a duration, shown in the unit its magnitude needs (e.g. `210 ms`).
    /// `digits` is ignored (a duration always picks its unit); it stays for source
    /// compatibility.
    @discardableResult
    public func value(_ name: String, _ duration: Duration, digits: Int = 2) -> String {
        value(name, duration.seconds, unit: "s")
    }

    /// Exports a size in bytes, shown with the binary unit its magnitude needs
    /// (`2.3 KiB`, `46.5 MiB`). The same text as `"\(bytes: x)"` in a check message.
    @discardableResult
    public func value(_ name: String, bytes: Double) -> String {
        let text = Format.bytes(bytes)
        notebook.export(name, ValueRecord(text: text, number: bytes, cell: self.name))
        return text
    }

    /// Exports a size in bytes given as a count, like `value(_:bytes:)` with a `Double`.
    @discardableResult
    public func value(_ name: String, bytes: Int) -> String {
        value(name, bytes: Double(bytes))
    }

    /// Exports a piece of text measured or observed by the run (a thread's name, a status).
    @discardableResult
    public func value(_ name: String, text: String) -> String {
        notebook.export(name, ValueRecord(text: text, number: nil, cell: self.name))
        return text
    }

    // MARK: Figures

    /// A timeline drawn as a Gantt chart under the cell's output. Record spans on it
    /// from any thread or task.
    public func timeline(_ name: String, _ title: String) -> Timeline {
        let timeline = Timeline(name: name, title: title)
        state.withLock { $0.figures.append(.timeline(timeline)) }
        return timeline
    }

    /// A bar chart of measured values, each optionally beside its ideal.
    public func barChart(_ name: String, _ title: String, unit: String, _ bars: [Bar]) {
        let chart = BarChartRecord(name: name, title: title, unit: unit, bars: bars)
        state.withLock { $0.figures.append(.fixed(.bars(chart))) }
    }

    /// A table shown under the cell's output (and printed in the terminal).
    public func table(_ name: String, _ title: String, header: [String], rows: [[String]]) {
        let table = TableRecord(name: name, title: title, header: header, rows: rows)
        state.withLock { $0.figures.append(.fixed(.table(table))) }
    }

    func finish(seconds: Double, stdout: String, stderr: String) -> CellRecord {
        let (checks, figures) = state.withLock { state in
            (state.checks, state.figures.map { figure -> FigureRecord in
                switch figure {
                case .timeline(let timeline): .timeline(timeline.record)
                case .fixed(let record): record
                }
            })
        }
        checks.forEach(notebook.terminal.check)
        figures.forEach(notebook.terminal.figure)
        return CellRecord(name: name, title: title, seconds: seconds, stdout: stdout, stderr: stderr,
                          checks: checks, figures: figures)
    }
}

/// Number formatting shared by values, tables and the terminal.
public enum Format {
    /// `1234.5678` with 2 digits -> `"1,234.57"`.
    public static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return String(value) }
        let fixed = String(format: "%.\(max(0, digits))f", abs(value))
        let parts = fixed.split(separator: ".", maxSplits: 1)
        var grouped = ""
        for (offset, digit) in parts[0].reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `10000` -> `"10,000"`.
    public static func count(_ value: Int) -> String { number(Double(value), digits: 0) }

    /// A count with its noun, singular for one: "1 thread", "2 threads", "10,000 threads".
    /// `plural` is for nouns that do not just add an "s".
    public static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// Seconds with a sensible unit: `0.000012` -> `"12.0 µs"`, `0.21` -> `"210 ms"`,
    /// `2.5` -> `"2.50 s"`. A value that would round up to 1,000 of a unit takes the next
    /// unit (`0.9996` -> `"1.00 s"`, not `"1,000 ms"`).
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return String(seconds) + " s" }
        switch abs(seconds) {
        case 0.9995...: return number(seconds, digits: 2) + " s"
        case 0.0099995...: return number(seconds * 1e3, digits: 0) + " ms"
        case 0.00099995...: return number(seconds * 1e3, digits: 1) + " ms"
        case 0.00000099995...: return number(seconds * 1e6, digits: 1) + " µs"
        case 0: return "0 s"
        default: return number(seconds * 1e9, digits: 1) + " ns"
        }
    }

    /// A `Duration` with a sensible unit, like `duration(_ seconds:)`.
    public static func duration(_ duration: Duration) -> String {
        self.duration(Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    }

    /// A size in bytes with a binary unit its magnitude needs: `2_400` -> `"2.3 KiB"`,
    /// `48_791_552` -> `"46.5 MiB"`, `3 << 30` -> `"3.0 GiB"`. Like `duration`, a value
    /// that would round up to 1,024 of a unit takes the next unit.
    public static func bytes(_ bytes: Double) -> String {
        guard bytes.isFinite else { return String(bytes) + " B" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = bytes, unit = 0
        while abs(scaled) >= 1023.95 && unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        let digits = unit == 0 ? 0 : abs(scaled) < 99.95 ? 1 : 0
        return number(scaled, digits: digits) + " " + units[unit]
    }

    /// A size in bytes, like `bytes(_ bytes: Double)`.
    public static func bytes(_ bytes: Int) -> String { self.bytes(Double(bytes)) }

    /// The time units `Cell.value(_:_:digits:unit:)` rescales, in seconds.
    static let secondsPerUnit: [String: Double] = ["s": 1, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9]
}

extension DefaultStringInterpolation {
    /// `"took \(seconds: elapsed)"`: a time in seconds, printed as the prose shows it
    /// (`Format.duration`), so a check message and a `{{#value}}` read the same.
    public mutating func appendInterpolation(seconds: Double) {
        appendLiteral(Format.duration(seconds))
    }

    /// `"took \(duration: elapsed)"`: a `Duration`, printed as the prose shows it.
    public mutating func appendInterpolation(duration: Duration) {
        appendLiteral(Format.duration(duration))
    }

    /// `"peaked at \(bytes: size)"`: a size in bytes, printed as `Cell.value(_:bytes:)`
    /// shows it in the prose (`46.5 MiB`).
    public mutating func appendInterpolation(bytes: Int) {
        appendLiteral(Format.bytes(bytes))
    }

    /// A size in bytes given as a `Double` (a mean, a difference), like `bytes: Int`.
    public mutating func appendInterpolation(bytes: Double) {
        appendLiteral(Format.bytes(bytes))
    }
}
