// A program with no isolation annotations, built with and without -default-isolation
// MainActor (SE-0466). The run-time check passes both times; `#isolation`, which the
// compiler fills in from the declaration, tells the two builds apart.
// ANCHOR: shown
final class Screen {
    var title = "start"
}

func rename(_ screen: Screen) -> String {
    MainActor.preconditionIsolated()          // what runs this code: the main thread, both times
    screen.title = "renamed"
    let declared = #isolation.map { "\(type(of: $0))" } ?? "nil (nonisolated)"
    return "rename() passed MainActor.preconditionIsolated(); its #isolation is \(declared)"
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

// swiftc: -parse-as-library
// expect-output: rename() passed MainActor.preconditionIsolated(); its #isolation is
// expect-output: the title is now renamed
