import Testing
@testable import Primitives

struct MapConcurrentlyTests {
    struct Stop: Error, Equatable {}

    @Test(arguments: [1, 3, 16])
    func neverRunsMoreThanTheLimit(limit: Int) async {
        let gauge = OccupancyGauge()
        let count = 3_000
        let results = await (0..<count).mapConcurrently(maxConcurrent: limit) { index in
            gauge.enter()
            defer { gauge.leave() }
            if index.isMultiple(of: 2) { await Task.yield() } else { try? await Task.sleep(for: .microseconds(50)) }
            return index
        }
        #expect(results == Array(0..<count))
        #expect(gauge.total == count)
        #expect(gauge.maximum <= limit)
        #expect(gauge.maximum >= 1)
    }

    @Test func restoresInputOrder() async {
        let results = await Array(0..<40).mapConcurrently(maxConcurrent: 40) { index in
            try? await Task.sleep(for: .milliseconds(40 - index))  // the last input finishes first
            return index
        }
        #expect(results == Array(0..<40))
    }

    @Test func firstErrorStopsNewChildrenAndCancelsRunningOnes() async {
        let started = SharedLog<Int>()
        let sawCancellation = SharedLog<Int>()
        let start = ContinuousClock.now
        await #expect(throws: Stop()) {
            try await (0..<1_000).forEachConcurrently(maxConcurrent: 4) { index in
                started.append(index)
                if index == 10 { throw Stop() }
                do { try await Task.sleep(for: .seconds(index < 10 ? 0.001 : 120)) } catch {
                    sawCancellation.append(index)
                }
            }
        }
        // Children 11...13 at most can have started beside 10; nothing after the error.
        #expect(started.count <= 14)
        // The 120 s sleepers after the failing child were all cancelled, and waited for.
        #expect(Set(started.all.filter { $0 > 10 }).isSubset(of: Set(sawCancellation.all)))
        #expect(ContinuousClock.now - start < .seconds(60))  // far below 120 s, with room for a loaded machine
    }

    @Test func cancellingTheCallerCancelsTheChildren() async {
        let cancelled = SharedLog<Int>()
        let work = Task {
            await (0..<8).forEachConcurrently(maxConcurrent: 8) { index in
                do { try await Task.sleep(for: .seconds(120)) } catch { cancelled.append(index) }
            }
        }
        try? await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        work.cancel()
        await work.value
        #expect(ContinuousClock.now - start < .seconds(60))  // far below 120 s, with room for a loaded machine
        #expect(cancelled.all.sorted() == Array(0..<8))
    }
}
