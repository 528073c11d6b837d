import Foundation

// The record a chapter run leaves behind: the contract between a chapter executable
// (which writes it) and the book builder (which reads it). Plain Codable values only.

/// Everything one run of a chapter produced.
public struct ChapterRecord: Codable, Sendable, Equatable {
    public var stamp: RunStamp
    public var cells: [CellRecord]
    /// Values measured by the run, by name, for interpolation into the prose.
    public var values: [String: ValueRecord]
    /// Set when the run stopped early: which cell, and why.
    public var failure: FailureRecord?
    /// The exercises the chapter registers (not run in a chapter's run); `nil` for none.
    public var exercises: [ExerciseRecord]?

    public init(stamp: RunStamp, cells: [CellRecord] = [], values: [String: ValueRecord] = [:], failure: FailureRecord? = nil,
                exercises: [ExerciseRecord]? = nil) {
        self.stamp = stamp
        self.cells = cells
        self.values = values
        self.failure = failure
        self.exercises = exercises
    }
}

/// Where and when a run happened; every chapter page states it.
public struct RunStamp: Codable, Sendable, Equatable {
    public var date: String
    public var operatingSystem: String
    public var cores: Int
    public var swiftVersion: String
    public var configuration: String

    public init(date: String, operatingSystem: String, cores: Int, swiftVersion: String, configuration: String) {
        self.date = date
        self.operatingSystem = operatingSystem
        self.cores = cores
        self.swiftVersion = swiftVersion
        self.configuration = configuration
    }

    /// One line for a page header or a terminal banner.
    public var summary: String {
        "\(date) · \(operatingSystem) · \(cores) cores · Swift \(swiftVersion) · \(configuration) build"
    }
}

/// One cell: a named, runnable step of a chapter.
public struct CellRecord: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var seconds: Double
    public var stdout: String
    public var stderr: String
    public var checks: [CheckRecord]
    public var figures: [FigureRecord]

    public init(name: String, title: String, seconds: Double = 0, stdout: String = "", stderr: String = "",
                checks: [CheckRecord] = [], figures: [FigureRecord] = []) {
        self.name = name
        self.title = title
        self.seconds = seconds
        self.stdout = stdout
        self.stderr = stderr
        self.checks = checks
        self.figures = figures
    }

    public var passed: Bool { checks.allSatisfy(\.passed) }
}

public struct CheckRecord: Codable, Sendable, Equatable {
    public var message: String
    public var passed: Bool
    /// `file:line` of the check in the chapter's source.
    public var location: String

    public init(message: String, passed: Bool, location: String) {
        self.message = message
        self.passed = passed
        self.location = location
    }
}

/// A measured value: the raw number (if any) and the text the prose shows.
public struct ValueRecord: Codable, Sendable, Equatable {
    public var text: String
    public var number: Double?
    public var cell: String

    public init(text: String, number: Double? = nil, cell: String) {
        self.text = text
        self.number = number
        self.cell = cell
    }
}

public struct FailureRecord: Codable, Sendable, Equatable {
    public var cell: String
    public var message: String

    public init(cell: String, message: String) {
        self.cell = cell
        self.message = message
    }
}

/// A figure drawn under a cell's output: a timeline, a bar chart or a table.
public enum FigureRecord: Codable, Sendable, Equatable {
    case timeline(TimelineRecord)
    case bars(BarChartRecord)
    case table(TableRecord)

    public var name: String {
        switch self {
        case .timeline(let t): t.name
        case .bars(let b): b.name
        case .table(let t): t.name
        }
    }
}

/// Spans on lanes (a thread, a task, a process), in seconds from the timeline's origin.
public struct TimelineRecord: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var spans: [SpanRecord]

    public init(name: String, title: String, spans: [SpanRecord]) {
        self.name = name
        self.title = title
        self.spans = spans
    }

    /// Lanes in the order of their first span's start (ties by name), so the chart
    /// reads top to bottom in the order things began.
    public var lanes: [String] {
        var firstStart: [String: Double] = [:]
        for span in spans { firstStart[span.lane] = min(firstStart[span.lane] ?? .infinity, span.start) }
        return firstStart.keys.sorted { (firstStart[$0]!, $0) < (firstStart[$1]!, $1) }
    }

    public var end: Double { spans.map(\.end).max() ?? 0 }
}

public struct SpanRecord: Codable, Sendable, Equatable {
    public var lane: String
    public var label: String
    public var start: Double
    public var end: Double

    public init(lane: String, label: String, start: Double, end: Double) {
        self.lane = lane
        self.label = label
        self.start = start
        self.end = end
    }
}

/// A comparison of measured quantities, optionally each beside its ideal.
public struct BarChartRecord: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var unit: String
    public var bars: [Bar]

    public init(name: String, title: String, unit: String, bars: [Bar]) {
        self.name = name
        self.title = title
        self.unit = unit
        self.bars = bars
    }
}

public struct Bar: Codable, Sendable, Equatable {
    public var label: String
    public var value: Double
    /// The physical limit for this bar, drawn as a marker when present.
    public var ideal: Double?

    public init(_ label: String, _ value: Double, ideal: Double? = nil) {
        self.label = label
        self.value = value
        self.ideal = ideal
    }
}

public struct TableRecord: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var header: [String]
    public var rows: [[String]]

    public init(name: String, title: String, header: [String], rows: [[String]]) {
        self.name = name
        self.title = title
        self.header = header
        self.rows = rows
    }
}
