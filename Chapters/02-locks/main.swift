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

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "A countdown latch on NSCondition",
                  starter: CountdownLatch.self, solution: Solutions.CountdownLatch.self,
                  hints: ["countDown(): lock, lower the count, and broadcast() when it reaches zero, so every waiter wakes.",
                          "wait(timeout:): one deadline (a Date), then `while count > 0 { if !condition.wait(until: deadline) { return count == 0 } }`."],
                  checks: checkLatch)
notebook.exercise(2, "Make the leaky account safe",
                  starter: ExerciseAccount.self, solution: Solutions.ExerciseAccount.self,
                  hints: ["`defer { lock.unlock() }` right after `lock.lock()` runs on every way out of the function, a throw included.",
                          "With the defer in place, remove the explicit unlock() at the end, or the lock is unlocked twice."],
                  checks: checkLeakyAccount)
notebook.exercise(3, "A bank of many accounts without deadlock",
                  starter: guardedTransfer, solution: Solutions.guardedTransfer,
                  hints: ["RankedLock.withBoth(first, second, deadline:) { ... } locks both in rank order, runs the closure, unlocks both.",
                          "It returns nil if the locks were not free by the deadline: give it a generous one, e.g. .now + 5."],
                  checks: checkManyAccounts)
notebook.finish()
