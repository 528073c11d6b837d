import Notebook

// ANCHOR: screen
@MainActor
final class Screen {
    var title = "start"
    /// A Sendable `let` is readable from anywhere in this module even without `nonisolated`
    /// (SE-0434); writing it makes that a promise to other modules too.
    nonisolated let identifier: Int
    init(identifier: Int) { self.identifier = identifier }
}
// ANCHOR_END: screen

// ANCHOR: main-actor-fix-functions
/// Fix 1: put the function on the main actor too. Synchronous, no `await`: callers that
/// are not on the main actor now need one instead.
@MainActor
func rename(_ screen: Screen, to title: String) {
    screen.title = title
}

/// Fix 2, async code: read with `await`; write by hopping onto the actor for the change.
func refresh(_ screen: Screen) async -> String {
    await MainActor.run { screen.title = "refreshed" }
    return await screen.title
}

/// Fix 3: a `nonisolated` member needs neither.
func logIdentifier(of screen: Screen) -> String {
    "screen #\(screen.identifier)"
}
// ANCHOR_END: main-actor-fix-functions

// ANCHOR: main-actor-fixes
@MainActor
func mainActorFixes(_ cell: Cell) async {
    let screen = Screen(identifier: 7)
    rename(screen, to: "renamed")
    let renamed = screen.title
    let refreshed = await refresh(screen)
    print("\(logIdentifier(of: screen)): \(renamed), then \(refreshed)")
    cell.check(renamed == "renamed" && refreshed == "refreshed", "both changes happened on the main actor")
}
// ANCHOR_END: main-actor-fixes
