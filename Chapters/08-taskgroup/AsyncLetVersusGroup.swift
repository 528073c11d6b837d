import Foundation
import Notebook

struct Profile: Sendable { let name: String }

func loadProfile() async throws -> Profile {
    try await Task.sleep(for: .milliseconds(100))
    return Profile(name: "Ada")
}

func loadOrders() async throws -> [Int] {
    try await Task.sleep(for: .milliseconds(150))
    return [17, 42]
}

func loadUnreadCount() async throws -> Int {
    try await Task.sleep(for: .milliseconds(80))
    return 3
}

func loadPage(_ number: Int) async throws -> String {
    try await Task.sleep(for: .milliseconds(30 + 10 * number))
    return "page \(number)"
}

func asyncLetVersusGroup(_ cell: Cell) async throws {
    let fixedStart = ContinuousClock.now
    // ANCHOR: async-let
    // Three children known when the code is written, each with its own type.
    async let profile = loadProfile()
    async let orders = loadOrders()
    async let unread = loadUnreadCount()
    let summary = try await "\(profile.name): \(orders.count) orders, \(unread) unread"
    // ANCHOR_END: async-let
    let fixedTime = secondsSince(fixedStart)
    print("\(summary) after \(Format.duration(fixedTime)) (ideal: the longest, 150 ms)")

    let wanted = [3, 1, 4, 5, 2]  // known only when the program runs
    let dynamicStart = ContinuousClock.now
    // ANCHOR: dynamic-group
    // As many children as the data asks for, all of one type.
    let pages = try await withThrowingTaskGroup(of: String.self) { group in
        for number in wanted { group.addTask { try await loadPage(number) } }
        return try await group.reduce(into: [String]()) { $0.append($1) }
    }
    // ANCHOR_END: dynamic-group
    let dynamicTime = secondsSince(dynamicStart)
    print("\(pages.count) pages (in completion order: \(pages)) after \(Format.duration(dynamicTime)) (ideal: the longest, 80 ms)")
    cell.value("async-let-time", fixedTime, digits: 3, unit: "s")
    cell.value("dynamic-time", dynamicTime, digits: 3, unit: "s")
    cell.check(fixedTime >= 0.15 && fixedTime < 0.8 * 0.33,
               "async let took \(seconds: fixedTime): about the longest child (150 ms), not the sum (330 ms)")
    cell.check(pages.count == wanted.count && dynamicTime < 0.5 * 0.3,
               "the group ran all \(wanted.count) children at once (\(seconds: dynamicTime), sum 300 ms)")
}
