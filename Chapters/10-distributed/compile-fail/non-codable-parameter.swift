// A distributed method's parameters must meet the actor system's serialization
// requirement (here `Codable`): the compiler refuses one that does not, at the
// declaration, before anybody calls it.
import Distributed

// ANCHOR: shown
final class Ledger {
    var lines: [String] = []
}

distributed actor Clerk {
    typealias ActorSystem = LocalTestingDistributedActorSystem

    distributed func record(into ledger: Ledger) {
        ledger.lines.append("checked")
        print("recorded")
    }
}
// ANCHOR_END: shown

// expect-error: of type 'Ledger' in distributed instance method does not conform to serialization requirement 'Codable'
