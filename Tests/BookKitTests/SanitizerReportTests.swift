import Foundation
import Testing
@testable import BookKit

/// `{{#tsan}}` reports cut down for the page.
@Suite("ThreadSanitizer report summaries")
struct SanitizerReportTests {
    /// A report as ThreadSanitizer prints it for chapter 02's racy counter (shortened hashes).
    let report = """
        before the race
        ==================
        WARNING: ThreadSanitizer: Swift access race (pid=27911)
          Modifying access of Swift variable at 0x5622a2cdcac0 by thread T1:
            #0 $s7exampleyyYbcfU_ RacyCounter-1.o (example+0xfc9ad) (BuildId: f4bdc004)
            #1 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8) (BuildId: bbe2057a)

          Previous write of size 1 at 0x5622a2cdcac0 by main thread:
            #0 malloc /build/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:686:5 (example+0x7a6c0) (BuildId: 47af)
            #1 $s7example8fightingyyF RacyCounter-1.o (example+0xfc9dd) (BuildId: f4bdc004)

          Location is global '$s7example5countSivp' of size 8 at 0x5622a2cdcac0 (example+0x14baac0)

          Thread T1 'example' (tid=27913, running) created by main thread at:
            #0 pthread_create /build/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (example+0x7bafa) (BuildId: f4bd)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca) (BuildId: bbe2)

        SUMMARY: ThreadSanitizer: Swift access race RacyCounter-1.o in $s7exampleyyYbcfU_
        ==================
        count = 20000 (expected 20000)
        ThreadSanitizer: reported 1 warnings
        """

    let names = ["$s7exampleyyYbcfU_": "closure #1 in racy()", "$s7example8fightingyyF": "fighting()",
                 "$s10Foundation6ThreadC4mainyyF": "Thread.main()", "$s7example5countSivp": "count"]

    /// What `// expect-no-report-in: NAME` searches: each warning, without the output around it.
    @Test func warningsAreSplitOutOfTheOutput() {
        let warnings = SanitizerReport.warnings(in: report)
        #expect(warnings.count == 1)
        #expect(warnings[0].hasPrefix("WARNING: ThreadSanitizer: Swift access race"))
        #expect(warnings[0].contains("fighting"))
        #expect(!warnings[0].contains("before the race") && !warnings[0].contains("count = 20000"))
        let two = report + "\n==================\nWARNING: ThreadSanitizer: data race (pid=1)\n  in takingTurns\n"
        #expect(SanitizerReport.warnings(in: two).count == 2, "a warning cut off before its end still counts")
        #expect(SanitizerReport.warnings(in: "no race here\n").isEmpty)
    }

    @Test func keepsTheWarningTheAccessesTheirTopFramesInOurCodeAndTheSummary() {
        var asked: [String] = []
        let summary = SanitizerReport.summary(of: report) { requested in
            asked = requested
            return names.filter { requested.contains($0.key) }
        }
        #expect(summary == """
            before the race
            ==================
            WARNING: ThreadSanitizer: Swift access race
              Modifying access of Swift variable by thread T1:
                #0 closure #1 in racy()
              Previous write of size 1 by main thread:
                #1 fighting()
            SUMMARY: ThreadSanitizer: Swift access race in closure #1 in racy()
            ==================
            count = 20000 (expected 20000)
            ThreadSanitizer: reported 1 warnings
            """)
        // Only names still in the summary are demangled: library frames and creation stacks are gone.
        #expect(Set(asked) == ["$s7exampleyyYbcfU_", "$s7example8fightingyyF"])
        #expect(!summary.contains("BuildId"))
        #expect(!summary.contains("pthread_create"))
    }

    @Test func namesTheDemanglerCannotReadStayAsTheyAre() {
        let summary = SanitizerReport.summary(of: report) { _ in [:] }
        #expect(summary.contains("#0 $s7exampleyyYbcfU_"))
        #expect(summary.contains("SUMMARY: ThreadSanitizer: Swift access race in $s7exampleyyYbcfU_"))
    }

    @Test func textWithoutAWarningIsKeptWhole() {
        #expect(SanitizerReport.summary(of: "just output\nmore") { _ in [:] } == "just output\nmore")
    }

    /// The toolchain's demangler, found next to `swiftc`, turns a real mangled name into words.
    @Test func theToolchainDemanglerIsUsed() throws {
        let fixture = try Fixture()
        let runner = ExampleRunner(repository: try fixture.repository, compilerVersion: "test")
        let readable = runner.demangle(["$s7example5countSivp", "$s10Foundation6ThreadC4mainyyF",
                                        "$s7example8fightingyyAA7CounterCFyyYbcfU_", "$s7exampleyyYbcfU_"])
        #expect(readable["$s7example5countSivp"] == "count")
        #expect(readable["$s10Foundation6ThreadC4mainyyF"] == "Thread.main()")
        #expect(readable["$s7example8fightingyyAA7CounterCFyyYbcfU_"] == "closure #1 in fighting(_:)")
        #expect(readable["$s7exampleyyYbcfU_"] == "closure #1 in top-level code")
    }
}
