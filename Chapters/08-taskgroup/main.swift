import Notebook

let notebook = Notebook()
await notebook.cell("scope", "No child outlives the group", childrenEndWithTheScope)
await notebook.cell("throwing-sum", "withThrowingTaskGroup: results as children finish", throwingGroupSum)
await notebook.cell("failing-child", "A failing child: for try await cancels, waitForAll() does not", failingChild)
await notebook.cell("collect-errors", "Keep every child's error", collectEveryError)
await notebook.cell("order", "Completion order and input order", completionVersusInputOrder)
await notebook.cell("first-completed", "The first answer wins: next() then cancelAll()", firstCompleted)
await notebook.cell("timeout-group", "A timeout around a whole group", timeoutForAGroup)
await notebook.cell("sliding-window", "At most k children: batches vs a sliding window", slidingWindow)
await notebook.cell("discarding", "withDiscardingTaskGroup: children nobody waits for", discardingGroups)
await notebook.cell("async-let-vs-group", "async let for a fixed set, a group for a dynamic one", asyncLetVersusGroup)
await notebook.cell("downloader", "Capstone: a downloader with limit, timeouts and retries", capstone)
await notebook.cell("cancel-download", "Capstone: cancelling the download partway", cancelDownload)

// Exercises: the checks (ExerciseChecks.swift) run against your code (Exercises.swift)
// or, with `exercise N solution`, against the reference solution (Solutions.swift).
notebook.exercise(1, "Results in input order",
                  starter: squaresInInputOrder, solution: Solutions.squaresInInputOrder,
                  hints: ["Let each child return its index along with its square: withTaskGroup(of: (Int, Int).self).",
                          "Make an array of the right size first and put each square into its slot as it arrives."],
                  checks: checkInputOrder)
notebook.exercise(2, "Keep every error",
                  starter: runChecks, solution: Solutions.runChecks,
                  hints: ["A child that throws makes `waitForAll()` throw the first error; a child that returns its failure does not.",
                          "Use withTaskGroup(of: String?.self): each child catches its own CheckFailed and returns the name, or nil."],
                  checks: checkEveryError)
notebook.exercise(3, "A sliding window by hand",
                  starter: runJobs, solution: Solutions.runJobs,
                  hints: ["Start min(limit, count) children first and count how many you started.",
                          "Then `while await group.next() != nil, started < count`: add one child each time one finishes."],
                  checks: checkWindowByHand)
notebook.exercise(4, "A quorum read",
                  starter: quorumRead, solution: Solutions.quorumRead,
                  hints: ["`while answers.count < 2, let answer = await group.next()` stops reading after two answers.",
                          "The group still waits for its remaining child at the end: group.cancelAll() makes that child's sleep throw at once."],
                  checks: checkQuorum)
notebook.finish()
