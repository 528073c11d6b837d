// The same from an async function: now an `await` could wait for the actor.
// ANCHOR: shown
@MainActor
final class Screen {
    var title = "start"
}

func refresh(_ screen: Screen) async -> String {
    screen.title = "refreshed"
    return screen.title
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: main actor-isolated property 'title' cannot be accessed from outside of the actor
// expect-error: main actor-isolated property 'title' can not be mutated from a nonisolated context
