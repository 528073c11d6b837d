import Foundation

// What exercise runs leave behind, for `make exercises`, the test suite and the book's
// Solutions part. Plain Codable values only, like the chapter's own record.

/// One exercise as registered: its number, title and hints.
public struct ExerciseRecord: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var hints: [String]
    /// Whether a reference solution was registered with the exercise.
    public var hasSolution: Bool

    public init(number: Int, title: String, hints: [String], hasSolution: Bool) {
        self.number = number
        self.title = title
        self.hints = hints
        self.hasSolution = hasSolution
    }
}

/// Which code an exercise's checks ran against.
public enum ExerciseImplementation: String, Codable, Sendable, Equatable {
    /// The student's code in `Exercises.swift`.
    case starter
    /// The reference solution in `Solutions.swift`.
    case solution

    /// The environment variable that tells the processes an exercise starts (a worker
    /// role, say) which implementation the run is checking.
    public static let environmentVariable = "NOTEBOOK_EXERCISE_IMPLEMENTATION"
}

/// One run of an exercise's checks: written to `exercise.json` in `NOTEBOOK_RESULTS`.
public struct ExerciseRunRecord: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var implementation: ExerciseImplementation
    /// Every check, in the order it ran. A thrown error is a failed check too.
    public var checks: [CheckRecord]

    public init(number: Int, title: String, implementation: ExerciseImplementation, checks: [CheckRecord]) {
        self.number = number
        self.title = title
        self.implementation = implementation
        self.checks = checks
    }

    public var failedChecks: [CheckRecord] { checks.filter { !$0.passed } }

    /// Solved means at least one check ran and none failed: an exercise whose checks
    /// did not run at all has not been shown to work.
    public var solved: Bool { !checks.isEmpty && failedChecks.isEmpty }
}
