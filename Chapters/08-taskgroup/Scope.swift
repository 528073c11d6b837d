import Foundation
import Notebook

func childrenEndWithTheScope(_ cell: Cell) async {
    let timeline = cell.timeline("scope-timeline", "Five children of one group; the group's scope ends after the last")
    let ended = SharedList<Int>()
    let start = ContinuousClock.now
    // ANCHOR: scope
    var bodyReturned = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for child in 1...5 {
            group.addTask {
                await timeline.span(lane: "child \(child)", label: "\(child * 30) ms") {
                    try? await Task.sleep(for: .milliseconds(child * 30))
                }
                ended.append(child)
            }
        }
        bodyReturned = .now  // the body awaits nothing...
    }
    // ...yet withTaskGroup returns only when every child has ended.
    let endedAtReturn = ended.count
    // ANCHOR_END: scope
    let scopeReturned = ContinuousClock.now
    timeline.record(lane: "group scope", label: "withTaskGroup", from: start, to: scopeReturned)
    let bodyTime = (bodyReturned - start).seconds, scopeTime = (scopeReturned - start).seconds
    print("the body returned after \(Format.duration(bodyTime)); withTaskGroup returned after \(Format.duration(scopeTime))")
    print("children ended when withTaskGroup returned: \(endedAtReturn) of 5 (in the order \(ended.all))")
    cell.value("scope-body-time", text: Format.duration(bodyTime))
    cell.value("scope-time", scopeTime, digits: 3, unit: "s")
    cell.check(endedAtReturn == 5, "every child had ended when withTaskGroup returned (\(endedAtReturn) of 5)")
    cell.check(scopeTime >= 0.15, "the scope lasted at least the longest child, 150 ms (\(seconds: scopeTime))")
    cell.check(bodyTime < scopeTime, "the body returned before the scope did")
}

func throwingGroupSum(_ cell: Cell) async throws {
    // ANCHOR: throwing-sum
    let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
        for page in 1...4 {
            group.addTask {
                try await Task.sleep(for: .milliseconds(20 * page))
                return page * 1_000  // the "size" of the page
            }
        }
        var total = 0
        for try await size in group { total += size }  // in the order the children finish
        return total
    }
    print("total size: \(sizes)")
    // ANCHOR_END: throwing-sum
    cell.check(sizes == 10_000, "the four children's results were all summed (\(sizes))")
}
