import Foundation
import Notebook
import Primitives

func completionVersusInputOrder(_ cell: Cell) async {
    let delays = [70, 10, 50, 30, 80, 20, 60, 40]  // milliseconds, one per input
    let start = ContinuousClock.now
    // ANCHOR: order
    let (completionOrder, inputOrder) = await withTaskGroup(of: (Int, String).self) { group in
        for (index, delay) in delays.enumerated() {
            group.addTask {
                try? await Task.sleep(for: .milliseconds(delay))
                return (index, "r\(index)")  // the child says which input it was
            }
        }
        var completionOrder: [String] = []
        var byIndex = [String?](repeating: nil, count: delays.count)
        for await (index, result) in group {
            completionOrder.append(result)  // as they finish
            byIndex[index] = result         // back in its input's place
        }
        return (completionOrder, byIndex.map { $0! })
    }
    // ANCHOR_END: order
    let elapsed = secondsSince(start)
    let expected = delays.indices.map { "r\($0)" }
    let byDelay = delays.indices.sorted { delays[$0] < delays[$1] }.map { "r\($0)" }
    print("completion order: \(completionOrder)")
    print("input order:      \(inputOrder)")
    print("all eight took \(Format.duration(elapsed)) (ideal: the longest delay, 80 ms)")

    // ANCHOR: order-library
    let mapped = await delays.mapConcurrently(maxConcurrent: delays.count) { delay in
        try? await Task.sleep(for: .milliseconds(delay))
        return delay
    }
    print("mapConcurrently returns input order: \(mapped)")
    // ANCHOR_END: order-library
    cell.value("order-time", elapsed, digits: 3, unit: "s")
    cell.value("order-followed-delays", text: completionOrder == byDelay ? "followed" : "did not follow")
    cell.check(Set(completionOrder) == Set(expected) && completionOrder.count == expected.count,
               "every result arrived exactly once")
    cell.check(inputOrder == expected, "placing each result by its index restored the input order")
    cell.check(mapped == delays, "mapConcurrently returned its results in input order")
    cell.check(elapsed < 0.5 * Double(delays.reduce(0, +)) / 1000,
               "the children overlapped: \(seconds: elapsed), under half of the sum of the delays")
}
