import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The worker's side of a `ProcessPool`: read a request, run the job, send the reply,
/// until the parent closes the pipe.
///
///     if WorkerRole.current() == "square" {
///         WorkerLoop.serve { (n: Int) in n * n }
///     }
///
/// Two rules keep workers from outliving the parent:
/// - end-of-file on standard input means "no more work": the worker exits;
/// - a worker whose parent died (it is re-parented, `getppid()` changes) exits too,
///   even in the middle of a long job, and even if the parent died before the worker
///   got as far as looking. `prctl(PR_SET_PDEATHSIG)` is no substitute: it is a
///   variadic C function, which Swift cannot call, and its signal follows the death
///   of the parent *thread* that started the worker, not of the parent process.
public enum WorkerLoop {
    // ANCHOR: serve
    /// Serves jobs until standard input closes, then exits the process with code 0.
    /// A job that throws is reported to the parent as that input's error.
    public static func serve<Input: Codable, Output: Codable>(_ job: (Input) throws -> Output) -> Never {
        exitWhenOrphaned()
        // Replies go to a private copy of standard output; standard output itself is
        // pointed at standard error, so a stray `print` in a job cannot corrupt a reply.
        let replies = dup(1)
        dup2(2, 1)
        let channel = MessageChannel(readDescriptor: 0, writeDescriptor: replies)
        while true {
            let request: JobRequest<Input>
            do {
                request = try channel.receive(JobRequest<Input>.self)
            } catch .closed {
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("worker \(getpid()): \(error)\n".utf8))
                exit(2)
            }
            let reply: JobReply<Output>
            do {
                reply = JobReply(id: request.id, output: try job(request.input))
            } catch {
                reply = JobReply(id: request.id, error: "\(error)")
            }
            do {
                try channel.send(reply)
            } catch {
                exit(0)  // the parent is gone: nobody wants the reply
            }
        }
    }
    // ANCHOR_END: serve

    // ANCHOR: orphan-watch
    /// Starts a watch that ends this process (exit code 70) within `interval` of its
    /// parent's death. Call it first thing in any worker role.
    ///
    /// The parent to watch is the one named by `--worker-parent`, not whatever
    /// `getppid()` says now: a parent may die while its worker is still starting, and a
    /// worker that read `getppid()` only then would take its new parent for the real one.
    public static func exitWhenOrphaned(interval: Duration = .milliseconds(100)) {
        let parent = WorkerRole.parentPID() ?? getppid()
        let watch = Thread {
            while getppid() == parent {
                Thread.sleep(forTimeInterval: interval.seconds)
            }
            _exit(70)
        }
        watch.start()
    }
    // ANCHOR_END: orphan-watch
}
