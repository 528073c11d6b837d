import Foundation
import Testing
import BookKit
import Notebook
import Primitives

/// Every exercise of every chapter: the starter as shipped is not solved (so it is not
/// solved already), and the reference solution passes exactly the same checks (so it can
/// be solved). Part of the chapters' suite, so that it never runs beside a chapter's
/// timing checks.
extension ChapterTests {
    @Test(arguments: chapters.map { $0.slug })
    func exercisesFailAsShippedAndPassWithTheirSolutions(slug: String) async throws {
        let chapter = try Self.repository.chapter(slug)
        let runner = ExerciseRunner(repository: Self.repository, buildDirectory: Self.productsDirectory)
        let exercises = try runner.exercises(of: chapter)
        for exercise in exercises {
            let name = "\(slug) exercise \(exercise.number) (\(exercise.title))"
            #expect(exercise.hasSolution, "\(name) has no reference solution")
            #expect((1...2).contains(exercise.hints.count), "\(name) has \(exercise.hints.count) hints, not one or two")
            guard exercise.hasSolution else { continue }

            let starter = try await onOwnThread { try runner.run(chapter, exercise: exercise.number, against: .starter) }
            let solution = try await onOwnThread { try runner.run(chapter, exercise: exercise.number, against: .solution) }

            #expect(!starter.solved, "\(name): the starter as shipped already passes its checks")
            // Under ThreadSanitizer a racy starter stops at the sanitizer's first report,
            // before any verdict: not solved is all that can be asked of it then.
            if !Notebook.isThreadSanitized {
                #expect(starter.ending == .exited(1), "\(name): the starter ended with \(starter.ending)\n\(starter.log)")
                #expect(!(starter.record?.failedChecks.isEmpty ?? true), "\(name): the starter fails no check\n\(starter.log)")
            }
            #expect(solution.solved, "\(name): the reference solution is \(solution.summary)\n\(solution.log)")
            if let starterChecks = starter.record?.checks, let solutionChecks = solution.record?.checks {
                #expect(starterChecks.map(\.location) == solutionChecks.map(\.location),
                        "\(name): the starter and the solution ran different checks")
            }
        }
    }
}
