/// What a producer sends when consumers are stopped by a sentinel: work, or "stop".
/// An enum makes the sentinel a value no real item can be mistaken for (Python
/// code often uses `None`).
enum WorkMessage: Sendable {
    case work(Int)
    case stop
}
