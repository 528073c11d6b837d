// Called from outside the actor, a distributed method can fail however it is
// declared (the other process may be gone), so the call needs `try`.
import Distributed

// ANCHOR: shown
distributed actor Clerk {
    typealias ActorSystem = LocalTestingDistributedActorSystem

    distributed func total() -> Int { 0 }   // declared without `throws`
}

func audit(_ clerk: Clerk) async throws -> Int {
    let total = await clerk.total()
    print("audited")
    return total
}
// ANCHOR_END: shown

// expect-error: call can throw but is not marked with 'try'
