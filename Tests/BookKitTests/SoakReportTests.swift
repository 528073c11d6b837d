import Testing
@testable import BookKit

/// The soak report must show whether a check that may stand aside was made in every run:
/// verdict wordings are counted with their numbers set aside.
@Suite struct SoakReportTests {
    @Test func numbersAreSetAsideInAWording() {
        #expect(Soak.wording("the check was made, with 1.9 cores free, and it passed")
                == "the check was made, with # cores free, and it passed")
        #expect(Soak.wording("10,000 connections in 2.5 s (ideal 2 s).") == "# connections in # s (ideal # s).")
        #expect(Soak.wording("made: 3 of 4, then more.") == "made: # of #, then more.")
    }

    @Test func verdictsAreAlwaysCountedAndOtherTextsOnlyWhenTheyChange() {
        let wordings = Soak.wordings([
            "primes-verdict": Array(repeating: "checked with 1.9 cores free", count: 18)
                + ["checked with 2.0 cores free", "not checked: only 1.2 cores free"],
            "arithmetic-checked": Array(repeating: "made with 1.8 cores", count: 3),
            "startup-process": ["1.2 ms", "1.4 ms", "0.9 ms"],
            "python-gil": ["with the lock", "without the lock"],
        ])
        #expect(wordings.map(\.name) == ["arithmetic-checked", "primes-verdict", "python-gil"])
        let primes = wordings.first { $0.name == "primes-verdict" }!
        #expect(primes.counts.map(\.wording) == ["checked with # cores free", "not checked: only # cores free"])
        #expect(primes.counts.map(\.runs) == [19, 1])
        #expect(wordings.first { $0.name == "arithmetic-checked" }!.counts.map(\.runs) == [3])
    }

    @Test func theMarkdownListsEachWordingWithItsRuns() {
        let report = Soak.ChapterReport(slug: "04-processes", passed: 2, runs: 2, failures: [], spread: [],
                                        wordings: [(name: "primes-verdict", counts: [(wording: "made | held", runs: 2)])])
        let markdown = Soak.markdown([report])
        #expect(markdown.contains("| primes-verdict | made \\| held | 2 |"))
    }
}
