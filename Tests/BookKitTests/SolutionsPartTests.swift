import Foundation
import Testing
@testable import BookKit
import Notebook

@Suite("The Solutions part")
struct SolutionsPartTests {
    @Test func showsHintsChecksAndSolutionOutsideTheChaptersFlow() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("03-queues", prose: "# Queues\n")
        _ = try fixture.write("Chapters/03-queues/ExerciseChecks.swift",
                              "// ANCHOR: exercise-1-checks\nfunc checkStack() {}\n// ANCHOR_END: exercise-1-checks\n")
        _ = try fixture.write("Chapters/03-queues/Solutions.swift",
                              "enum Solutions {\n    // ANCHOR: solution-1\n    static func stack() {}\n    // ANCHOR_END: solution-1\n}\n")
        let exercise = ExerciseRecord(number: 1, title: "A stack", hints: ["Use `Atomic<Int>`, or a Mutex<Int>."], hasSolution: true)
        let part = try #require(try SolutionsPart.make(repository: fixture.repository,
                                                       chapters: [.init(chapter: chapter, title: "Queues", exercises: [exercise])]))
        #expect(part.html.contains("<h3 id=\"solution-03-1\">Exercise 03-1: A stack</h3>"))
        #expect(part.html.contains("checkStack"))
        #expect(part.html.contains("stack()"))
        // A hint's `<` outside a code span is text, never a tag.
        #expect(part.html.contains("Mutex&lt;Int&gt;") || part.html.contains("Mutex&lt;Int>"))
        #expect(!part.html.contains("<Int>"))
        #expect(part.markdown.hasPrefix("# Solutions"))
        let page = part.page
        #expect(page.previous == nil && page.next == nil)
    }

    @Test func noExercisesNoPart() throws {
        let fixture = try Fixture()
        let chapter = try fixture.chapter("01-first", prose: "# First\n")
        #expect(try SolutionsPart.make(repository: fixture.repository, chapters: [.init(chapter: chapter, title: "First", exercises: [])]) == nil)
    }
}
