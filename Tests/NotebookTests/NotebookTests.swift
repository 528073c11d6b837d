import Foundation
import Testing
@testable import Notebook

@Suite("Formatting numbers for prose")
struct FormatTests {
    @Test(arguments: [
        (1234.5678, 2, "1,234.57"), (0.2051, 2, "0.21"), (-1234567.0, 0, "-1,234,567"),
        (0.0, 3, "0.000"), (999.996, 2, "1,000.00"), (-0.001, 2, "0.00"),
    ])
    func number(value: Double, digits: Int, text: String) {
        #expect(Format.number(value, digits: digits) == text)
    }

    @Test func countsHaveThousandsSeparators() {
        #expect(Format.count(10_000) == "10,000")
        #expect(Format.count(7) == "7")
    }

    @Test func countsWithANounAreSingularForOne() {
        #expect(Format.count(1, "thread") == "1 thread")
        #expect(Format.count(2, "thread") == "2 threads")
        #expect(Format.count(0, "request") == "0 requests")
        #expect(Format.count(10_000, "process", plural: "processes") == "10,000 processes")
    }

    @Test func durationsPickAUnit() {
        #expect(Format.duration(2.5) == "2.50 s")
        #expect(Format.duration(0.21) == "210 ms")
        #expect(Format.duration(0.0042) == "4.2 ms")
        #expect(Format.duration(0.000012) == "12.0 µs")
        #expect(Format.duration(0.00000002) == "20.0 ns")
    }

    @Test func durationsThatRoundUpTakeTheNextUnit() {
        #expect(Format.duration(0.9996) == "1.00 s")
        #expect(Format.duration(0.0099996) == "10 ms")
        #expect(Format.duration(0.000315) == "315.0 µs")
        #expect(Format.duration(Duration.milliseconds(254)) == "254 ms")
    }

    @Test func sizesPickABinaryUnit() {
        #expect(Format.bytes(512) == "512 B")
        #expect(Format.bytes(2_400) == "2.3 KiB")
        #expect(Format.bytes(48_791_552) == "46.5 MiB")
        #expect(Format.bytes(123 * 1024 * 1024) == "123 MiB")
        #expect(Format.bytes(1_048_570) == "1.0 MiB")   // rounds up: the next unit
        #expect(Format.bytes(3 << 30) == "3.0 GiB")
        #expect("peak \(bytes: 48_791_552)" == "peak 46.5 MiB")
    }

    @Test func checkMessagesInterpolateTimesAsTheProseShowsThem() {
        #expect("took \(seconds: 0.253876595)" == "took 254 ms")
        #expect("took \(duration: .microseconds(315))" == "took 315.0 µs")
    }
}

@Suite("Cells, values, checks and figures")
struct CellTests {
    /// A notebook in terminal mode (nothing captured, nothing written), quiet.
    func notebook() -> Notebook {
        Notebook(arguments: ["test"], environment: ["NO_COLOR": "1"])
    }

    @Test func cellsRecordValuesChecksAndFiguresInOrder() {
        let book = notebook()
        book.cell("first", "First") { cell in
            cell.value("elapsed", 0.2049, unit: "s")
            cell.value("count", 10_000)
            cell.value("duration", Duration.milliseconds(1500))
            cell.value("tiny", seconds: 0.000315)
            cell.value("in-ms", 4.2, digits: 0, unit: "ms")
            cell.value("who", text: "worker-1")
            cell.check(true, "it works")
            cell.table("t", "A table", header: ["a"], rows: [["1"]])
            cell.barChart("b", "Bars", unit: "s", [Bar("one", 1, ideal: 0.5)])
        }
        book.cell("second", "Second") { _ in }
        let record = book.record
        #expect(record.cells.map(\.name) == ["first", "second"])
        #expect(record.values["elapsed"] == ValueRecord(text: "205 ms", number: 0.2049, cell: "first"))
        #expect(record.values["count"]?.text == "10,000")
        #expect(record.values["duration"]?.text == "1.50 s")
        #expect(record.values["tiny"]?.text == "315.0 µs")
        #expect(record.values["in-ms"]?.text == "4.2 ms")
        #expect(record.values["who"]?.text == "worker-1")
        #expect(record.cells[0].checks.map(\.message) == ["it works"])
        #expect(record.cells[0].checks[0].location.hasSuffix("NotebookTests.swift:\(#line - 14)"))
        #expect(record.cells[0].figures.map(\.name) == ["t", "b"])
    }

    @Test func asyncCellsRunOnTheCallersActor() async {
        let book = notebook()
        await book.cell("async", "Async") { cell in
            try await Task.sleep(for: .milliseconds(5))
            cell.check(true, "slept")
        }
        #expect(book.record.cells.first?.seconds ?? 0 >= 0.005)
    }

    @Test func spansFromManyThreadsAreAllRecorded() {
        let book = notebook()
        book.cell("threads", "Threads") { cell in
            let timeline = cell.timeline("many", "Many threads")
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for index in 0..<1_000 {
                    timeline.span(lane: "worker-\(worker)", label: "job \(index)") { _ = index * index }
                }
            }
        }
        guard case .timeline(let timeline) = book.record.cells[0].figures.first else {
            Issue.record("no timeline recorded")
            return
        }
        #expect(timeline.spans.count == 8_000)
        #expect(Set(timeline.lanes) == Set((0..<8).map { "worker-\($0)" }))
        #expect(timeline.spans.allSatisfy { $0.start <= $0.end && $0.start >= 0 })
        #expect(timeline.spans == timeline.spans.sorted { ($0.start, $0.lane) < ($1.start, $1.lane) })
    }

    @Test func lanesAreOrderedByTheirFirstStart() {
        let timeline = TimelineRecord(name: "t", title: "T", spans: [
            SpanRecord(lane: "b", label: "", start: 0.2, end: 0.3),
            SpanRecord(lane: "a", label: "", start: 0.1, end: 0.4),
            SpanRecord(lane: "c", label: "", start: 0.1, end: 0.2),
        ])
        #expect(timeline.lanes == ["a", "c", "b"])
        #expect(timeline.end == 0.4)
    }

    @Test func exercisesDoNotRunInANormalRun() {
        let book = notebook()
        book.exercise(1, "An exercise") { _ in Issue.record("the exercise ran") }
        #expect(book.record.cells.isEmpty)
    }

    @Test func runStampDescribesThisMachine() {
        let stamp = RunStamp.current(environment: ["NOTEBOOK_SWIFT_VERSION": "6.3.1"])
        #expect(stamp.cores == ProcessInfo.processInfo.activeProcessorCount)
        #expect(stamp.swiftVersion == "6.3.1")
        #expect(["debug", "release"].contains(stamp.configuration.replacingOccurrences(of: ", ThreadSanitizer", with: "")))
        #expect(!stamp.operatingSystem.isEmpty)
        #expect(stamp.summary.contains("\(stamp.cores) cores"))
    }

    @Test func boundedReadingKeepsHeadAndTail() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capture-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Data("HEAD".utf8)
        bytes.append(Data(repeating: UInt8(ascii: "x"), count: 1_000_000))
        bytes.append(Data("TAIL".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        let text = OutputCapture.readBounded(path)
        #expect(text.hasPrefix("HEAD") && text.hasSuffix("TAIL"))
        #expect(text.utf8.count < OutputCapture.limit)
        #expect(text.contains("bytes of output omitted"))
    }
}

@Suite("Knowing the build")
struct BuildTests {
    @Test func stampNamesTheSanitizerWhenThereIsOne() {
        let stamp = RunStamp.current(environment: [:])
        #expect(stamp.configuration.hasSuffix(", ThreadSanitizer") == Notebook.isThreadSanitized)
    }
}

@Suite("Exercise commands")
struct ExerciseCommandTests {
    @Test(arguments: [
        ([], NotebookCommand.runChapter),
        (["exercises"], .listExercises),
        (["exercise", "2"], .exercise(2, .run)),
        (["exercise", "2", "hint"], .exercise(2, .hint)),
        (["exercise", "2", "solution"], .exercise(2, .solution)),
    ])
    func validCommands(words: [String], command: NotebookCommand) {
        #expect(NotebookCommand(arguments: ["chapter-03"] + words) == command)
    }

    @Test(arguments: [["exercize"], ["exercises", "1"], ["exercise"], ["exercise", "x"], ["exercise", "0"],
                      ["exercise", "1", "hnt"], ["exercise", "1", ""], ["exercise", "1", "hint", "more"]])
    func typosAreRefused(words: [String]) {
        guard case .invalid = NotebookCommand(arguments: ["chapter-03"] + words) else {
            Issue.record("'\(words.joined(separator: " "))' was accepted")
            return
        }
    }

    @Test func anExerciseWithoutChecksIsNotSolved() {
        let passing = CheckRecord(message: "ok", passed: true, location: "x:1")
        let failing = CheckRecord(message: "no", passed: false, location: "x:2")
        #expect(!ExerciseRunRecord(number: 1, title: "", implementation: .starter, checks: []).solved)
        #expect(!ExerciseRunRecord(number: 1, title: "", implementation: .starter, checks: [passing, failing]).solved)
        #expect(ExerciseRunRecord(number: 1, title: "", implementation: .solution, checks: [passing]).solved)
    }

    @Test func aChapterRunRecordsItsExercisesWithoutRunningThem() {
        let book = Notebook(arguments: ["test"], environment: ["NO_COLOR": "1"])
        book.exercise(1, "Squares", starter: 0, solution: 1, hints: ["think"]) { _, _ in Issue.record("the exercise ran") }
        #expect(book.exercises.records == [ExerciseRecord(number: 1, title: "Squares", hints: ["think"], hasSolution: true)])
    }
}
