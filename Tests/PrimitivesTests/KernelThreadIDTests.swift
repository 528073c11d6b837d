import Foundation
import Testing
@testable import Primitives

struct KernelThreadIDTests {
    @Test func theSameThreadReadsTheSameID() {
        #expect(KernelThreadID.current == KernelThreadID.current)
    }

    @Test func twoThreadsGetDifferentIDs() {
        let here = KernelThreadID.current
        let there = JoinableThread(name: "other") { KernelThreadID.current }.join()
        #expect(here != there)
    }

    #if os(Linux)
    @Test func parsesTheThreadSelfLink() {
        #expect(KernelThreadID.parseThreadSelf("4242/task/4250") == KernelThreadID(rawValue: 4250))
        #expect(KernelThreadID.parseThreadSelf("4242") == nil)
        #expect(KernelThreadID.parseThreadSelf("4242/task/x") == nil)
    }
    #endif

    /// A task that hops from one thread to another must see two different ids. The first
    /// read happens on a thread of its own (through a continuation); after the await the
    /// task resumes on the cooperative pool, which never runs on that thread.
    @Test func aTaskObservesAChangeOfThread() async {
        let (before, threadID) = await withCheckedContinuation { continuation in
            Thread {
                let id = KernelThreadID.current
                continuation.resume(returning: (id, id))
            }.start()
        }
        let after = KernelThreadID.current
        #expect(before == threadID)
        #expect(after != before)
    }
}
