import Foundation
import PairTestSupport
import Testing

@testable import PairAgent

/// `fence command` with real programs written by the test: exit 0 fences, anything else does not.
@Suite("fence command")
struct FenceCommandTests {
    private func withProgram<T>(
        _ script: String, _ body: (String, Scratch) async throws -> T
    ) async throws -> T {
        let scratch = try Scratch("pgpair-fencetest")
        defer { scratch.remove() }
        try scratch.write("#!/bin/sh\n\(script)\n", to: "fence", mode: 0o755)
        return try await body("\(scratch.path)/fence", scratch)
    }

    private func fence(
        _ path: String, arguments: [String] = [], timeout: Duration = .seconds(30)
    ) -> FenceCommand {
        FenceCommand(
            path: path, arguments: arguments, timeout: timeout, runner: SubprocessRunner(killGrace: .milliseconds(200)))
    }

    @Test("exit 0 fences; the program gets its arguments, then the peer's name, and both in its environment")
    func succeeds() async throws {
        try await withProgram(
            #"printf '%s|' "$@" > "$(dirname "$0")/args"; echo "$PGPAIR_FENCE_PEER $PGPAIR_FENCE_TIMEOUT" > "$(dirname "$0")/env""#
        ) { path, scratch in
            let outcome = try await fence(path, arguments: ["--hard", "a b"], timeout: .seconds(12)).fence(
                peer: "pollux")
            #expect(outcome.succeeded)
            #expect(scratch.read("args") == "--hard|a b|pollux|")
            #expect(scratch.read("env") == "pollux 12\n")
        }
    }

    @Test("a non-zero exit is a failed fence, with the program's output kept for the log")
    func fails() async throws {
        try await withProgram("echo 'ipmi: no answer from bmc' >&2; exit 3") { path, _ in
            let outcome = try await fence(path).fence(peer: "pollux")
            #expect(!outcome.succeeded)
            #expect(outcome.summary == "exit status 3: ipmi: no answer from bmc")
            #expect(outcome.output.contains("no answer from bmc"))
        }
    }

    @Test("a program that outlives fence_timeout is killed, and the fence failed")
    func timeout() async throws {
        try await withProgram("exec sleep 30") { path, _ in
            let outcome = try await fence(path, timeout: .milliseconds(300)).fence(peer: "pollux")
            #expect(!outcome.succeeded)
            #expect(outcome.summary.contains("did not finish"))
        }
    }

    @Test("a program that cannot be started is a failed fence, not an error")
    func missing() async throws {
        let outcome = try await fence("/nonexistent/fence-peer").fence(peer: "pollux")
        #expect(!outcome.succeeded)
        #expect(outcome.summary.contains("/nonexistent/fence-peer"))
    }

    @Test("a cancelled fence throws CancellationError: its result is unknown")
    func cancelled() async throws {
        try await withProgram("exec sleep 30") { path, _ in
            let attempt = Task { try await fence(path).fence(peer: "pollux") }
            try await Task.sleep(for: .milliseconds(100))
            attempt.cancel()
            await #expect(throws: CancellationError.self) { try await attempt.value }
        }
    }
}
