import Foundation
import Processes
import Testing

@Suite struct WorkerRoleTests {
    @Test func argumentsRoundTrip() {
        let arguments = ["/path/to/program"] + WorkerRole.arguments(for: "count", extra: ["a", "--b"])
        #expect(WorkerRole.current(arguments: arguments) == "count")
        #expect(WorkerRole.parentPID(arguments: arguments) == getpid())
        #expect(WorkerRole.extraArguments(arguments: arguments) == ["a", "--b"])
    }

    @Test func theParentHasNoRole() {
        #expect(WorkerRole.current(arguments: ["/path/to/program", "exercise", "1"]) == nil)
        #expect(WorkerRole.extraArguments(arguments: ["/path/to/program"]) == [])
        #expect(WorkerRole.parentPID(arguments: ["/path/to/program"]) == nil)
    }

    @Test func aRoleWithoutParentStillHasItsExtraArguments() {
        #expect(WorkerRole.extraArguments(arguments: ["p", "--worker-role", "r", "x"]) == ["x"])
    }
}
