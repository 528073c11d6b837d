// A program with no isolation annotations, built with -default-isolation MainActor
// (SE-0466): every declaration without one belongs to the main actor.
// swiftc: -default-isolation MainActor -parse-as-library
// expect-output: rename() ran on MainActor
// expect-output: the title is now renamed
// ANCHOR: shown
final class Screen {
    var title = "start"
}

func rename(_ screen: Screen) -> String {
    MainActor.preconditionIsolated()
    screen.title = "renamed"
    return "rename() ran on \(#isolation.map { "\(type(of: $0))" } ?? "no actor")"
}

@main
struct Program {
    static func main() {
        let screen = Screen()
        print(rename(screen))
        print("the title is now \(screen.title)")
    }
}
// ANCHOR_END: shown
