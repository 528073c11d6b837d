import EventLoop
import Foundation
import Primitives

/// Samples a process's threads and open descriptors every `interval` on a thread of its
/// own and keeps the largest of each. (Peak memory needs no sampling: the kernel keeps
/// it, `VmHWM`.) A sample costs a directory listing of `/proc/PID/fd`, a few
/// milliseconds at 10,000 descriptors, so the interval is not shorter.
final class ResourceSampler: Sendable {
    struct Peaks: Sendable { var threads = 0; var descriptors = 0; var samples = 0 }

    private let pid: Int32
    private let peaks = Locked(Peaks())
    private let stopped = Locked(false)
    private let done = DispatchSemaphore(value: 0)

    init(pid: Int32, interval: Duration = .milliseconds(50)) {
        self.pid = pid
        Thread { [self] in
            while !stopped.withLock({ $0 }) {
                sample()
                Thread.sleep(forTimeInterval: interval.seconds)
            }
            done.signal()
        }.start()
    }

    /// Takes one last sample, stops the thread and returns the peaks.
    func stop() -> Peaks {
        stopped.withLock { $0 = true }
        done.wait()
        sample()
        return peaks.withLock { $0 }
    }

    private func sample() {
        let now = ProcessResources.of(pid)
        peaks.withLock {
            $0.threads = max($0.threads, now.threads ?? 0)
            $0.descriptors = max($0.descriptors, now.openDescriptors ?? 0)
            $0.samples += 1
        }
    }
}
