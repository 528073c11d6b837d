// A main-actor class whose deinit updates main-actor state.
// ANCHOR: shown
@MainActor var openScreens = 0

@MainActor
final class Screen {
    init() { openScreens += 1 }
    deinit { openScreens -= 1 }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: main actor-isolated var 'openScreens' can not be mutated from a nonisolated context
