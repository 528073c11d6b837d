/// A failed shared-memory system call, with its `errno`.
public enum SharedMemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case failed(String, Int32)

    public var description: String {
        switch self {
        case .failed(let call, let code): "\(call) failed with errno \(code)"
        }
    }
}
