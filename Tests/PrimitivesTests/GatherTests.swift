import Testing
@testable import Primitives

struct GatherTests {
    struct Numbered: Error, Equatable { let index: Int }

    @Test func gatherResultsKeepsEveryErrorInInputOrder() async {
        let inputs = Array(0..<300)
        let outcomes = await gatherResults(inputs) { index in
            // Reverse the finishing order so that input order must be restored.
            try await Task.sleep(for: .microseconds((300 - index) * 10))
            if index.isMultiple(of: 3) { throw Numbered(index: index) }
            return index * 2
        }
        #expect(outcomes.count == inputs.count)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let value): #expect(!index.isMultiple(of: 3) && value == index * 2)
            case .failure(let error): #expect(error as? Numbered == Numbered(index: index))
            }
        }
    }

    @Test func gatherAllThrowsEveryErrorTogether() async {
        do {
            _ = try await gatherAll(Array(0..<50)) { index in
                try await Task.sleep(for: .milliseconds(index % 5))
                if index % 10 == 7 { throw Numbered(index: index) }
                return index
            }
            Issue.record("gatherAll should have thrown")
        } catch {
            #expect(error.failures.map(\.index) == [7, 17, 27, 37, 47])
            #expect(error.errors.compactMap { $0 as? Numbered } == [7, 17, 27, 37, 47].map(Numbered.init))
        }
    }

    @Test func gatherAllReturnsOutputsInInputOrderWhenNothingFails() async throws {
        let outputs = try await gatherAll(Array(0..<100)) { index in
            try await Task.sleep(for: .microseconds((100 - index) * 20))
            return "#\(index)"
        }
        #expect(outputs == (0..<100).map { "#\($0)" })
    }

    @Test func aFailureDoesNotCancelTheSiblings() async {
        let finished = SharedLog<Int>()
        let outcomes = await gatherResults([0, 1, 2]) { index in
            if index == 0 { throw Numbered(index: 0) }
            try await Task.sleep(for: .milliseconds(50))  // would throw if cancelled
            finished.append(index)
            return index
        }
        #expect(finished.all.sorted() == [1, 2])
        #expect(outcomes.filter { (try? $0.get()) != nil }.count == 2)
    }
}
