// Only `distributed` methods can be called on a reference that may be remote; an
// ordinary method of a distributed actor is reachable only from inside the actor.
import Distributed

// ANCHOR: shown
distributed actor Clerk {
    typealias ActorSystem = LocalTestingDistributedActorSystem

    private var entries = 0

    func tally() -> Int { entries }
    distributed func total() -> Int { entries }
}

func audit(_ clerk: Clerk) async -> Int {
    let tally = await clerk.tally()
    print("audited")
    return tally
}
// ANCHOR_END: shown

// expect-error: only 'distributed' instance methods can be called on a potentially remote distributed actor
