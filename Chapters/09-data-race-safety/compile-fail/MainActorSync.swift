// Main-actor state read from a plain synchronous function.
// ANCHOR: shown
@MainActor
final class Screen {
    var title = "start"
}

func currentTitle(of screen: Screen) -> String {
    screen.title
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: main actor-isolated property 'title' can not be referenced from a nonisolated context
