// The same kind of code with a detached task: fine by default, refused when every
// unannotated declaration belongs to the main actor.
// ANCHOR: shown
final class Screen {
    var title = "start"
}

func rename(_ screen: Screen) {
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

// swiftc: -parse-as-library
// expect-output: renamed off the main actor
// expect-error: main actor-isolated global function 'rename' cannot be called from outside of the actor
