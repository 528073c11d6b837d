import Foundation
import Notebook

/// `make soak`: runs chapters many times to find flaky checks (a check that fails now
/// and then is a wrong check or a real race) and to show how much measured values vary.
/// Soak runs are kept apart from the book's last good runs.
public struct Soak {
    /// What `times` runs of one chapter did.
    public struct ChapterReport: Sendable {
        public let slug: String
        public let passed: Int
        public let runs: Int
        public let failures: [String]
        /// For each numeric value: (minimum, median, maximum) over the passing runs.
        public let spread: [(name: String, min: Double, median: Double, max: Double)]
    }

    let runner: ChapterRunner

    public init(repository: Repository, buildDirectory: URL, swiftVersion: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-soak-\(getpid())")
        runner = ChapterRunner(repository: repository, buildDirectory: buildDirectory, swiftVersion: swiftVersion,
                               runsFolder: folder)
    }

    public func run(_ chapter: Chapter, times: Int, progress: (Int, Result<Double, BookError>) -> Void) -> ChapterReport {
        var failures: [String] = []
        var values: [String: [Double]] = [:]
        for index in 1...times {
            let start = ContinuousClock.now
            do {
                let record = try runner.run(chapter, echo: false)
                for (name, value) in record.values { if let number = value.number { values[name, default: []].append(number) } }
                progress(index, .success((ContinuousClock.now - start).seconds))
            } catch let error as BookError {
                failures.append(error.message)
                progress(index, .failure(error))
            } catch {
                failures.append("\(error)")
                progress(index, .failure(BookError("\(error)")))
            }
        }
        try? FileManager.default.removeItem(at: runner.runsFolder)
        let spread = values.keys.sorted().map { name in
            let sorted = values[name]!.sorted()
            return (name: name, min: sorted.first!, median: sorted[sorted.count / 2], max: sorted.last!)
        }
        return ChapterReport(slug: chapter.slug, passed: times - failures.count, runs: times, failures: failures, spread: spread)
    }

    /// The report as Markdown: a summary table, then each chapter's value spreads.
    public static func markdown(_ reports: [ChapterReport]) -> String {
        var lines = ["| chapter | passed | runs |", "| --- | ---: | ---: |"]
        lines += reports.map { "| \($0.slug) | \($0.passed) | \($0.runs) |" }
        for report in reports {
            lines += ["", "### \(report.slug): \(report.passed)/\(report.runs)"]
            lines += report.failures.map { "- failure: \($0.split(separator: "\n").first ?? "")" }
            if !report.spread.isEmpty {
                lines += ["", "| value | min | median | max | max/min |", "| --- | ---: | ---: | ---: | ---: |"]
                lines += report.spread.map { value in
                    let ratio = value.min > 0 ? Format.number(value.max / value.min, digits: 2) : "–"
                    return "| \(value.name) | \(Self.number(value.min)) | \(Self.number(value.median)) | \(Self.number(value.max)) | \(ratio) |"
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        abs(value) >= 100 || value == value.rounded() ? Format.number(value, digits: 0) : Format.number(value, digits: 4)
    }
}
