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
        /// For each text value worth a look: how many passing runs gave each wording, numbers
        /// aside. Shown when the wording changed between runs (a check made in one run and
        /// left out in the next, say) and always for verdicts, so a report can prove that a
        /// check that may stand aside was made in every run.
        public let wordings: [(name: String, counts: [(wording: String, runs: Int)])]
    }

    let runner: ChapterRunner
    let repository: Repository
    /// Set when the soak also builds and runs every example of the chapter's prose
    /// (compile-fail, run, trap, ThreadSanitizer) afresh in each run, not from the cache.
    let examples: ExampleRunner?

    /// `swiftc` and `soaksExamples` matter only together: with `soaksExamples`, each run
    /// also resolves the chapter's prose with a runner that ignores the example cache, so a
    /// run or sanitizer example that behaves as its expectation lines say only sometimes fails.
    public init(repository: Repository, buildDirectory: URL, swiftVersion: String,
                swiftc: String = "swiftc", soaksExamples: Bool = false) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-soak-\(getpid())")
        runner = ChapterRunner(repository: repository, buildDirectory: buildDirectory, swiftVersion: swiftVersion,
                               runsFolder: folder)
        self.repository = repository
        examples = soaksExamples ? ExampleRunner(repository: repository, swiftc: swiftc, compilerVersion: swiftVersion,
                                                 usesCache: false) : nil
    }

    public func run(_ chapter: Chapter, times: Int, progress: (Int, Result<Double, BookError>) -> Void) -> ChapterReport {
        var failures: [String] = []
        var values: [String: [Double]] = [:]
        var texts: [String: [String]] = [:]
        for index in 1...times {
            let start = ContinuousClock.now
            do {
                let record = try runner.run(chapter, echo: false)
                if let examples {
                    _ = try ChapterResolver(repository: repository, chapter: chapter, record: record, examples: examples).resolve()
                }
                for (name, value) in record.values {
                    if let number = value.number { values[name, default: []].append(number) } else { texts[name, default: []].append(value.text) }
                }
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
        return ChapterReport(slug: chapter.slug, passed: times - failures.count, runs: times, failures: failures, spread: spread,
                             wordings: Self.wordings(texts))
    }

    /// Which wordings each text value took, numbers replaced by `#`, for the values whose
    /// wording changed between runs and for every verdict ("...-verdict", "...-checked").
    static func wordings(_ texts: [String: [String]]) -> [(name: String, counts: [(wording: String, runs: Int)])] {
        texts.keys.sorted().compactMap { name in
            var counts: [String: Int] = [:]
            for text in texts[name]! { counts[wording(text), default: 0] += 1 }
            let isVerdict = name.hasSuffix("verdict") || name.hasSuffix("checked")
            guard counts.count > 1 || isVerdict else { return nil }
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return (name: name, counts: sorted.map { (wording: $0.key, runs: $0.value) })
        }
    }

    /// A text with every number ("1.9", "10,000", "42") replaced by `#`, so two runs that
    /// said the same thing with other figures count as one wording.
    static func wording(_ text: String) -> String {
        text.replacingOccurrences(of: #"[0-9]+([.,][0-9]+)*"#, with: "#", options: .regularExpression)
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
            if !report.wordings.isEmpty {
                lines += ["", "| text value (numbers as #) | wording | runs |", "| --- | --- | ---: |"]
                for value in report.wordings {
                    for (index, count) in value.counts.enumerated() {
                        let cell = count.wording.replacingOccurrences(of: "|", with: "\\|")
                        lines.append("| \(index == 0 ? value.name : "") | \(cell) | \(count.runs) |")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        abs(value) >= 100 || value == value.rounded() ? Format.number(value, digits: 0) : Format.number(value, digits: 4)
    }
}
