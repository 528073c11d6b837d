import Foundation

/// The `process-actors-test-worker` executable, built beside the test bundle.
enum TestWorker {
    static let url: URL = {
        // Linux: .build/debug/<Package>PackageTests.xctest is the test runner itself;
        // macOS: .build/debug/<Package>PackageTests.xctest/Contents/MacOS/<runner>.
        var folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("process-actors-test-worker")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        preconditionFailure("process-actors-test-worker was not built next to the tests")
    }()
}
