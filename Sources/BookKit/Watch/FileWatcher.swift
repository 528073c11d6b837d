import Foundation

/// Notices files that were created, changed or removed under some folders, by polling:
/// every `interval` it lists the folders and compares each file's size and modification
/// time with the last look. Polling is portable (Linux, macOS, any file system) and, for
/// the few hundred files of the book, costs well under a millisecond a look.
///
/// An editor's save is often several writes (a temporary file, a rename): a change is
/// reported only once the folders have been quiet for `settle`, as one batch.
struct FileWatcher {
    let roots: [URL]
    var interval: Duration = .milliseconds(100)
    var settle: Duration = .milliseconds(40)

    /// A file's size and modification time, enough to tell that it changed.
    struct Stamp: Equatable {
        var size: Int
        var modified: Double
    }

    /// Every watched file now, by path. Hidden files and editors' scratch files
    /// (`.swp`, `~`, `#...#`) are left out: saving them is not an edit.
    func snapshot() -> [String: Stamp] {
        var files: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                let name = url.lastPathComponent
                guard !name.hasSuffix("~"), !name.hasSuffix(".swp"), !name.hasPrefix("#"),
                      let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                files[url.standardizedFileURL.path] = Stamp(size: values.fileSize ?? 0,
                                                            modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
        }
        return files
    }

    /// Paths that differ between two snapshots, sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Watches until `shouldStop` says so, calling `onChange` (on the calling thread) with
    /// each settled batch of paths changed since `start` (a snapshot taken before the work
    /// the watching follows, so that an edit made during that work is not missed).
    /// `onChange` may take long (a build): changes made meanwhile are reported next.
    func run(from start: [String: Stamp]? = nil, shouldStop: () -> Bool, onChange: ([String]) -> Void) {
        var known = start ?? snapshot()
        while !shouldStop() {
            Thread.sleep(forTimeInterval: interval.seconds)
            var current = snapshot()
            var changed = Self.changes(from: known, to: current)
            guard !changed.isEmpty else { continue }
            // Wait for the save to finish: take one more look until nothing moves.
            for _ in 0..<25 {
                Thread.sleep(forTimeInterval: settle.seconds)
                let later = snapshot()
                let more = Self.changes(from: current, to: later)
                current = later
                if more.isEmpty { break }
                changed = Array(Set(changed).union(more)).sorted()
            }
            known = current
            onChange(changed)
        }
    }
}
