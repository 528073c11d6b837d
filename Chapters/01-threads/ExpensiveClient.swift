import Foundation
import Synchronization

/// Stands in for something costly to create and unsafe to share between threads:
/// a database connection, an HTTP session, a parser with its own buffers.
final class ExpensiveClient {
    /// How many clients were ever created, in this process; also numbers each client.
    static let created = Atomic<Int>(0)

    let serialNumber: Int

    init() {
        Thread.sleep(forTimeInterval: 0.005)  // the cost: a handshake, a login...
        serialNumber = Self.created.wrappingAdd(1, ordering: .relaxed).newValue
    }

    func fetch(page: Int) -> String { "page \(page) via client #\(serialNumber)" }
}
