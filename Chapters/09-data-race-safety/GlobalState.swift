import Foundation
import Notebook
import Synchronization

// ANCHOR: global-fix-declarations
/// Fix 1: make it a `let` of a Sendable type. Nothing can change, so anyone may read it.
let defaultGreeting = "hello"

enum AppSettings {
    /// Fix 2: give it to an actor. Only main-actor code can touch it, one job at a time.
    @MainActor static var theme = "light"

    /// Fix 3: keep it mutable but behind a lock: a `let` holding a `Mutex` is Sendable.
    static let recentSearches = Mutex<[String]>([])
}
// ANCHOR_END: global-fix-declarations

// ANCHOR: global-fixes
func globalFixes(_ cell: Cell) async {
    await MainActor.run { AppSettings.theme = "dark" }        // from outside: hop onto the main actor
    let theme = await MainActor.run { AppSettings.theme }
    await withTaskGroup(of: Void.self) { group in
        for query in ["swift", "actors", "regions"] {
            group.addTask { AppSettings.recentSearches.withLock { $0.append(query) } }
        }
    }
    let searches = AppSettings.recentSearches.withLock { $0 }
    print("\(defaultGreeting); theme \(theme); searches \(searches.sorted())")
    cell.check(theme == "dark", "the main-actor static var was set and read on the main actor")
    cell.check(searches.sorted() == ["actors", "regions", "swift"], "three concurrent appends through the Mutex, none lost")
}
// ANCHOR_END: global-fixes
