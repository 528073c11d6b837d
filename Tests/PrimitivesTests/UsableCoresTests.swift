import Foundation
@testable import Primitives
import Testing

@Suite struct UsableCoresTests {
    @Test func countsKernelCPULists() {
        #expect(UsableCores.countCPUs(inList: "0") == 1)
        #expect(UsableCores.countCPUs(inList: "0-1") == 2)
        #expect(UsableCores.countCPUs(inList: " 0-3,8,10-11\n") == 7)
        #expect(UsableCores.countCPUs(inList: "") == nil)
        #expect(UsableCores.countCPUs(inList: "3-1") == nil)
        #expect(UsableCores.countCPUs(inList: "a-b") == nil)
    }

    @Test func readsTheAllowedListFromAStatusText() {
        let status = "Name:\tprobe\nCpus_allowed:\t5\nCpus_allowed_list:\t0,2\nMems_allowed_list:\t0\n"
        #expect(UsableCores.allowedCPUs(inStatus: status) == 2)
        #expect(UsableCores.allowedCPUs(inStatus: "Name:\tprobe\n") == nil)
    }

    @Test func readsCgroupQuotas() {
        #expect(UsableCores.cores(inCPUMax: "max 100000\n") == nil)
        #expect(UsableCores.cores(inCPUMax: "200000 100000\n") == 2)
        #expect(UsableCores.cores(inCPUMax: "150000 100000") == 1.5)
        #expect(UsableCores.cores(inCPUMax: "-1 100000") == nil)    // cgroup v1: no limit
    }

    @Test func neverMoreThanOnlineNorLessThanOne() {
        let count = UsableCores.count
        #expect(count >= 1)
        #expect(count <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(count <= UsableCores.allowedByAffinity)
        #expect(UsableCores.allowedByAffinity <= ProcessInfo.processInfo.activeProcessorCount)
    }

    #if os(Linux)
    /// Read from inside a child whose affinity `taskset` narrowed to CPU 0, the allowed
    /// list has one CPU, whatever `activeProcessorCount` says.
    @Test func aNarrowedAffinityMaskIsSeen() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", "cat", "/proc/self/status"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(UsableCores.allowedCPUs(inStatus: String(decoding: data, as: UTF8.self)) == 1)
    }
    #endif
}
