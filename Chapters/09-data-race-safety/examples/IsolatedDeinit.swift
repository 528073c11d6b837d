// SE-0371: an `isolated deinit` runs on the class's actor, wherever the last reference
// was dropped. Here the last reference goes away in a detached task, off the main actor.
// ANCHOR: shown
@MainActor var openScreens = 0

@MainActor
final class Screen {
    init() { openScreens += 1 }

    isolated deinit {
        MainActor.preconditionIsolated("deinit ran off the main actor")
        openScreens -= 1
        print("deinit passed MainActor.preconditionIsolated()")
    }
}

/// Makes a screen and gives the only reference to a detached task.
@MainActor func openInBackground() -> Task<Void, Never> {
    let screen = Screen()
    print("open screens: \(openScreens)")
    return Task.detached { _ = screen }
}

@main
struct Program {
    static func main() async {                 // on the main actor, like every @main main()
        await openInBackground().value
        // The deinit was queued onto the main actor; give it up to 5 s to run.
        for _ in 0..<500 where openScreens > 0 {
            try? await Task.sleep(for: .milliseconds(10))
        }
        print("open screens after the last reference went: \(openScreens)")
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-output: open screens: 1
// expect-output: deinit passed MainActor.preconditionIsolated()
// expect-output: open screens after the last reference went: 0
