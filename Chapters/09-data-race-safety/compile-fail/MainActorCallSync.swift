// Making and using a main-actor object from a plain synchronous function.
// ANCHOR: shown
@MainActor
final class Screen {
    var title: String
    init() { title = "start" }
    func show() { print(title) }
}

func openScreen() {
    let screen = Screen()
    screen.show()
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: call to main actor-isolated initializer 'init()' in a synchronous nonisolated context
// expect-error: call to main actor-isolated instance method 'show()' in a synchronous nonisolated context
// expect-error: [#ActorIsolatedCall]
