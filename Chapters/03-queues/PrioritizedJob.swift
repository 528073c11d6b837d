/// A job for the priority queue: a larger `priority` comes out first. Jobs of equal
/// priority are equivalent to `<`; the queue itself keeps them in order of arrival.
struct PrioritizedJob: Comparable, Sendable, CustomStringConvertible {
    let priority: Int
    let name: String
    /// Which thread submitted it, and as its how-manyth job (for the checks).
    let producer: Int, position: Int

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.priority < rhs.priority }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.priority == rhs.priority }

    var description: String { "\(name)(p\(priority))" }
}
