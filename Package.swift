// swift-tools-version: 6.0
//
// The book's package. Every folder `Chapters/NN-name/` that holds a `main.swift`
// becomes an executable target `chapter-NN`; the chapter order is the folder order.
// No package dependencies: only the toolchain's own modules.
import Foundation
import PackageDescription

/// The libraries every chapter may import.
let chapterLibraries: [Target.Dependency] = ["Notebook", "Primitives", "Processes", "Loopback", "EventLoop"]

/// Libraries that only one chapter uses, by chapter number.
let chapterOnlyLibraries: [String: [Target.Dependency]] = [
    // Chapter 02 shows lost updates from an unprotected counter (see the target below).
    "02": ["RacyCounter"],
    // Chapter 10 calls distributed actors in its own worker processes.
    "10": ["ProcessActors"],
]

/// One executable target per chapter folder. Only `.swift` files at the top of the
/// folder are compiled; prose, compile-fail examples and other assets are excluded.
func chapterTargets() -> [Target] {
    let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let chaptersDir = packageDir.appendingPathComponent("Chapters")
    let fm = FileManager.default
    let folders = ((try? fm.contentsOfDirectory(atPath: chaptersDir.path)) ?? [])
        .filter { $0.range(of: #"^[0-9]{2}-"#, options: .regularExpression) != nil }
        .filter { fm.fileExists(atPath: chaptersDir.appendingPathComponent("\($0)/main.swift").path) }
        .sorted()
    return folders.map { folder in
        let entries = (try? fm.contentsOfDirectory(atPath: chaptersDir.appendingPathComponent(folder).path)) ?? []
        return .executableTarget(
            name: "chapter-\(folder.prefix(2))",
            dependencies: chapterLibraries + (chapterOnlyLibraries[String(folder.prefix(2))] ?? []),
            path: "Chapters/\(folder)",
            exclude: entries.filter { !$0.hasSuffix(".swift") }.sorted()
        )
    }
}

let chapters = chapterTargets()

let package = Package(
    name: "SwiftConcurrencyBook",
    platforms: [.macOS(.v15)],
    targets: chapters + [
        // What a chapter imports to be a notebook: cells, checks, values, spans, the run stamp.
        .target(name: "Notebook"),
        // The synchronization tools the book builds: threads, queues, futures, semaphores.
        .target(name: "Primitives"),
        // Chapter 02's racy counter. Always built with -Onone: chapters are built in release,
        // and an optimised build folds the racy loop into one addition, hiding the lost updates.
        .target(name: "RacyCounter", dependencies: ["Primitives"],
                swiftSettings: [.unsafeFlags(["-Onone"])]),
        // Child processes, pipes with framing, a process pool, shared memory.
        .target(name: "Processes", dependencies: ["Primitives"]),
        // Distributed actors in worker processes: a DistributedActorSystem over the
        // Processes library's child processes and JSON-lines pipes.
        .target(name: "ProcessActors", dependencies: ["Processes", "Primitives"]),
        // A small HTTP server on 127.0.0.1 for the chapters' real I/O.
        .target(name: "Loopback", dependencies: ["Primitives"]),
        // A readiness event loop (epoll / kqueue), async sockets, an HTTP client and server on it.
        .target(name: "EventLoop", dependencies: ["CEpoll", "Loopback", "Primitives"]),
        // Linux's <sys/epoll.h>, which the Glibc module leaves out: a header, no code.
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        // The book builder: read -> resolve -> render -> write.
        .target(name: "BookKit", dependencies: ["Notebook"]),
        .executableTarget(name: "bookbuilder", dependencies: ["BookKit"]),

        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "BookKitTests", dependencies: ["BookKit", "Notebook", "fault-chapter", "bookbuilder"]),
        // A chapter that hangs, crashes, leaks or floods its output on demand, for the
        // builder's fault-injection tests.
        .executableTarget(name: "fault-chapter", dependencies: ["Notebook"], path: "Tests/FaultChapter"),
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives"]),
        // The Processes tests need a program to start as workers; a test runner cannot
        // re-run itself in a worker role, so they start this small executable instead.
        .executableTarget(name: "process-test-worker", dependencies: ["Processes"], path: "Tests/ProcessTestWorker"),
        .testTarget(name: "ProcessesTests", dependencies: ["Processes", "process-test-worker"]),
        // A remote call needs the actor's type in both processes, so the actors the
        // ProcessActors tests call live in a library that the tests and their worker share.
        .target(name: "ProcessActorsTestActors", dependencies: ["ProcessActors"], path: "Tests/ProcessActorsTestActors"),
        .executableTarget(name: "process-actors-test-worker", dependencies: ["ProcessActors", "ProcessActorsTestActors"],
                          path: "Tests/ProcessActorsTestWorker"),
        .testTarget(name: "ProcessActorsTests",
                    dependencies: ["ProcessActors", "ProcessActorsTestActors", "Processes", "process-actors-test-worker"]),
        // Primitives too: the downloader (in Primitives) is tested against the loopback server.
        .testTarget(name: "LoopbackTests", dependencies: ["Loopback", "Primitives"]),
        .testTarget(name: "EventLoopTests", dependencies: ["EventLoop", "Loopback"]),
        // Runs the chapter executables and asserts their self-checks passed.
        .testTarget(name: "ChapterTests", dependencies: ["BookKit", "Primitives"] + chapters.map { .target(name: $0.name) }),
    ],
    swiftLanguageModes: [.v6]
)
