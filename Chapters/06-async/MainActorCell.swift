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
    cell.check(!elsewhere.isolated,
               "without NonisolatedNonsendingByDefault (SE-0461, off in this package), a nonisolated async function runs on no actor")
}

/// In this package (Swift 6 mode, without the upcoming feature NonisolatedNonsendingByDefault
/// of SE-0461) this runs on the global pool, on no actor. With that feature on, a
/// nonisolated async function runs on its caller's actor instead.
nonisolated func nonisolatedProbe() async -> (isolated: Bool, mainThread: Bool) {
    (#isolation != nil, Thread.isMainThread)
}
