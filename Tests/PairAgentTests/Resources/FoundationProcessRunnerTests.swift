import Foundation
import Testing

@testable import PairAgent

@Suite("FoundationProcessRunner")
struct FoundationProcessRunnerTests {
    private let runner = FoundationProcessRunner(killGrace: .milliseconds(500))

    @Test("a non-zero exit is a result with the output kept")
    func exitStatus() async throws {
        let outcome = try await runner.run(
            ProcessCommand("/bin/sh", ["-c", "echo out; echo err >&2; exit 7"], timeout: .seconds(30)))
        #expect(outcome.termination == .exited(7))
        #expect(outcome.output == "out\nerr\n")
        #expect(outcome.summary == "exit status 7: err")
    }

    @Test("arguments reach the program as they are, with no shell in between")
    func arguments() async throws {
        let outcome = try await runner.run(
            ProcessCommand("/bin/echo", ["a b", "$HOME", "';rm -rf /'"], timeout: .seconds(30)))
        #expect(outcome.output == "a b $HOME ';rm -rf /'\n")
    }

    @Test("the environment is added to what is inherited")
    func environment() async throws {
        let outcome = try await runner.run(
            ProcessCommand(
                "/bin/sh", ["-c", "echo $PGPASSFILE"], environment: ["PGPASSFILE": "/x/y"],
                timeout: .seconds(30)))
        #expect(outcome.output == "/x/y\n")
    }

    @Test("only outputLimit bytes are kept")
    func boundedOutput() async throws {
        let outcome = try await runner.run(
            ProcessCommand(
                "/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' x"], timeout: .seconds(30),
                outputLimit: 100))
        #expect(outcome.succeeded)
        #expect(outcome.output == String(repeating: "x", count: 100))
    }

    @Test("a missing program cannot be started")
    func missingProgram() async throws {
        let error = await #expect(throws: ResourceError.self) {
            try await runner.run(ProcessCommand("/nonexistent/program", [], timeout: .seconds(5)))
        }
        #expect(error?.code == .spawnFailed)
    }

    @Test("a child that outlives its timeout is killed, its own children too")
    func timeout() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let error = await #expect(throws: ResourceError.self) {
            try await runner.run(
                ProcessCommand(
                    "/bin/sh", ["-c", "sleep 60 & echo $! > '\(directory.path)/pid'; wait"],
                    timeout: .milliseconds(300)))
        }
        #expect(error?.code == .timedOut)
        let grandchild = try #require(Int32(directory.read("pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        try await Task.sleep(for: .milliseconds(100))
        #expect(!processRuns(grandchild))
    }

    @Test("cancelling the task tears the child down")
    func cancellation() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let task = Task {
            try await runner.run(
                ProcessCommand(
                    "/bin/sh", ["-c", "echo $$ > '\(directory.path)/pid'; exec sleep 60"],
                    timeout: .seconds(120)))
        }
        var pid: Int32?
        for _ in 0..<500 where pid == nil {
            pid = Int32(directory.read("pid").trimmingCharacters(in: .whitespacesAndNewlines))
            try await Task.sleep(for: .milliseconds(10))
        }
        let child = try #require(pid)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!processRuns(child))
    }
}
