// DetachedRename.swift under -default-isolation MainActor, fixed: the two declarations
// the detached task uses say `nonisolated`, so they no longer belong to the main actor.
// ANCHOR: shown
nonisolated final class Screen {
    var title = "start"
}

nonisolated func rename(_ screen: Screen) {
    screen.title = "renamed off the main actor"
}

@main
struct Program {
    static func main() async {
        let title = await Task.detached {
            let screen = Screen()
            rename(screen)
            return screen.title
        }.value
        print(title)
    }
}
// ANCHOR_END: shown

// swiftc: -default-isolation MainActor -parse-as-library
// expect-output: renamed off the main actor
