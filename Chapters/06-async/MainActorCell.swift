import Foundation
import Notebook

// ANCHOR: main-actor
/// Isolated to the main actor: it runs only when nothing else runs on that actor.
@MainActor
func mainActorCell(_ cell: Cell) async {
    MainActor.assertIsolated("a @MainActor function runs on the main actor")  // traps if not
    let isolation = #isolation
    let onMainThread = Thread.isMainThread
    let elsewhere = await nonisolatedProbe()
    print("in a @MainActor function:     isolated to MainActor: \(isolation === MainActor.shared), Thread.isMainThread: \(onMainThread)")
    print("in a nonisolated async func:  isolated to MainActor: \(elsewhere.isolated), Thread.isMainThread: \(elsewhere.mainThread)")
// ANCHOR_END: main-actor
    cell.value("main-actor-main-thread", text: "\(onMainThread)")
    cell.value("nonisolated-main-thread", text: "\(elsewhere.mainThread)")
    cell.check(isolation === MainActor.shared, "#isolation inside the @MainActor function is MainActor.shared")
    cell.check(!elsewhere.isolated, "a nonisolated async function runs on no actor")
}

/// Runs on the global pool: no actor isolation at all.
nonisolated func nonisolatedProbe() async -> (isolated: Bool, mainThread: Bool) {
    (#isolation != nil, Thread.isMainThread)
}
