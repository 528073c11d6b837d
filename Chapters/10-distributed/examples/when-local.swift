// `whenLocal` reaches an actor's ordinary members when, and only when, the actor is in
// this process: its closure runs isolated to the actor, and it returns nil for a
// remote reference.
import Distributed

// ANCHOR: shown
distributed actor Clerk {
    typealias ActorSystem = LocalTestingDistributedActorSystem

    private var entries = 3

    func tally() -> Int { entries }
    distributed func total() -> Int { entries }
}

func audit(_ clerk: Clerk) async -> Int? {
    await clerk.whenLocal { clerk in clerk.tally() }
}

let clerk = Clerk(actorSystem: LocalTestingDistributedActorSystem())
print("tally of a local clerk: \(String(describing: await audit(clerk)))")
// ANCHOR_END: shown

// expect-output: tally of a local clerk: Optional(3)
