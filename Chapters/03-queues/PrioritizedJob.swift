/// A job for the priority queue: a larger `priority` comes out first; among equal
/// priorities, the job submitted first (smaller `sequence`) comes out first.
struct PrioritizedJob: Comparable, Sendable, CustomStringConvertible {
    let priority: Int
    let sequence: Int
    let name: String

    static func < (lhs: Self, rhs: Self) -> Bool {
        // "Smaller" means "comes out later": lower priority, or same priority but newer.
        (lhs.priority, rhs.sequence) < (rhs.priority, lhs.sequence)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.priority == rhs.priority && lhs.sequence == rhs.sequence
    }

    var description: String { "\(name)(p\(priority))" }
}
