import Notebook
import Processes

// A copy of this program started in a worker role plays it and exits here, before a
// notebook exists (the Mutex re-entry cell crashes one on purpose).
if WorkerRole.current() == "mutex-twice" { lockMutexTwice() }

let notebook = Notebook()
// The race and its fixes.
notebook.cell("lost-updates", "Lost updates: four threads, no lock", lostUpdates)
notebook.cell("mutex", "Fix 1: Mutex and withLock", mutexFix)
notebook.cell("nslock", "Fix 2: NSLock with defer", nslockFix)
notebook.cell("forgot-unlock", "What happens without defer: an unlock forgotten on one path", forgottenUnlock)
notebook.cell("atomic", "Fix 3: Atomic, no lock at all", atomicFix)
// Deadlocks.
notebook.cell("reentrancy", "Locking twice: NSLock vs NSRecursiveLock", reentrancy)
notebook.cell("mutex-reentry", "Locking a Mutex twice stops the program", mutexReentry)
notebook.cell("deadlock", "Two locks, opposite orders: a deadlock", twoLockDeadlock)
notebook.cell("lock-order", "The fix: one global lock order", lockOrder)
// Waiting for a condition.
notebook.cell("signal-broadcast", "Condition variables: signal vs broadcast", signalVersusBroadcast)
notebook.cell("event", "An Event built on a condition variable", eventDemo)
// What it costs.
notebook.cell("cost", "Cost per operation, alone and contended", costPerOperation)

notebook.exercise(1, "A countdown latch on NSCondition", exerciseLatch)
notebook.exercise(2, "Make the leaky account safe", exerciseLeakyAccount)
notebook.exercise(3, "A bank of many accounts without deadlock", exerciseManyAccounts)
notebook.finish()
