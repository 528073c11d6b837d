// A chapter that misbehaves on purpose, for the builder's fault-injection tests.
// The tests link it under names like `chapter-03`; the number picks the fault.
import Foundation
import Notebook

let name = URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent
let fault = name.hasPrefix("chapter-") ? String(name.dropFirst("chapter-".count)) : "01"

let notebook = Notebook()
notebook.cell("first", "A cell that works") { cell in
    print("first cell <script>alert(1)</script>")
    FileHandle.standardError.write(Data("a line on stderr\n".utf8))
    cell.value("answer", 42)
    cell.check(true, "the first cell works")
}
switch fault {
case "02":
    notebook.cell("broken", "A check fails") { cell in
        cell.check(1 + 1 == 3, "one plus one is three")
    }
case "03":
    notebook.cell("crash", "A crash") { _ in
        let numbers: [Int] = []
        print(numbers[1])
    }
case "04":
    notebook.cell("hang", "A hang with a child process") { _ in
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["300"]
        try child.run()
        while true { sleep(1) }
    }
case "05":
    notebook.cell("leak", "A child process nobody waits for") { _ in
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["300"]
        try child.run()
    }
case "06":
    notebook.cell("noisy", "Enormous output and invalid UTF-8") { _ in
        FileHandle.standardOutput.write(Data([0x62, 0x61, 0x64, 0xFF, 0xFE, 0x0A]))
        let line = String(repeating: "x", count: 99) + "\n"
        for _ in 0..<20_000 { print(line, terminator: "") }
    }
case "07":
    exit(0)  // ends without notebook.finish(): no results
case "08":
    notebook.cell("throws", "A cell that throws") { _ in
        struct Refused: Error {}
        throw Refused()
    }
case "09":
    notebook.cell("segment", "A shared-memory segment left behind") { _ in
        let descriptor = shm_open("/swiftbook-leak-\(getpid())-1", O_CREAT | O_RDWR, 0o600)
        if descriptor >= 0 { close(descriptor) }   // and never shm_unlink'd
    }
case "10":
    notebook.cell("deadlock", "Prints, then waits for a signal that never comes") { _ in
        print("before the deadlock")
        DispatchSemaphore(value: 0).wait()
    }
case "11":
    notebook.cell("escape", "A child with an environment of its own, and a segment without a pid") { _ in
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["601"]
        child.environment = [:]
        try child.run()
        let descriptor = shm_open("/student-segment-\(UUID().uuidString.prefix(8))", O_CREAT | O_RDWR, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }
case "12":
    notebook.cell("flood", "Writes without end") { _ in
        let line = String(repeating: "y", count: 1023) + "\n"
        while true { print(line, terminator: "") }
    }
case "14":
    notebook.cell("daemon", "A grandchild whose parent exits at once, with an empty environment") { _ in
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "/bin/sleep 602 & exit 0"]
        shell.environment = [:]
        try shell.run()
        // Not waitUntilExit(): Foundation would wait for the background sleep too (it
        // inherits what Process watches). Half a second is plenty for sh to exit.
        usleep(500_000)
    }
default:
    break
}
notebook.finish()
