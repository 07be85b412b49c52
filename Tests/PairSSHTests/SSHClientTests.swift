import Foundation
import Logging
import PairTestSupport
import Testing

@testable import PairSSH

/// Commands run through libssh2 against a real sshd on 127.0.0.1, in the test's own network namespace.
@Suite("ssh client", .serialized)
struct SSHClientTests {
    private let client = SSHClient(logger: Logger(label: "pairssh-test"))

    private func run(
        _ command: String, on server: LoopbackSSHServer, key: String? = nil, knownHosts: String? = nil,
        timeout: Duration = .seconds(30), outputLimit: Int = SSHClient.defaultOutputLimit
    ) async throws -> SSHCommandResult {
        try await client.run(
            command, on: SSHDestination(user: server.user, host: "127.0.0.1", port: server.port),
            credentials: SSHCredentials(
                keyPath: key ?? server.userKey, knownHostsPath: knownHosts ?? server.knownHosts),
            timeout: timeout, outputLimit: outputLimit)
    }

    @Test("a command that succeeds: exit status 0, and the host key's fingerprint")
    func succeeds() async throws {
        try await LoopbackSSHServer.with { server in
            let result = try await run("true", on: server)
            #expect(result.termination == .exited(0))
            #expect(result.succeeded)
            // The server also has an ECDSA key, which libssh2 would ask for first; known_hosts holds the ed25519 one.
            #expect(result.hostKeyFingerprint == (try await server.hostKeyFingerprint()))
        }
    }

    @Test("a command that fails: its exit status, and its output and error output")
    func fails() async throws {
        try await LoopbackSSHServer.with { server in
            let failed = try await run("false", on: server)
            #expect(failed.termination == .exited(1))
            #expect(!failed.succeeded)
            let reported = try await run("echo out; echo err >&2; exit 3", on: server)
            #expect(reported.termination == .exited(3))
            #expect(reported.output.contains("out") && reported.output.contains("err"))
            #expect(reported.summary.hasPrefix("exit status 3: "))
        }
    }

    @Test("a command killed by a signal is reported as such, never as exit status 0")
    func signalled() async throws {
        try await LoopbackSSHServer.with { server in
            let result = try await run("kill -KILL $$", on: server)
            #expect(result.termination == .signalled("KILL"))
            #expect(!result.succeeded)
        }
    }

    @Test("a host whose key is not in known_hosts gets nothing: refused before authentication")
    func unknownHostKey() async throws {
        try await LoopbackSSHServer.with { server in
            let marker = "\(server.directory)/ran"
            let error = await #expect(throws: SSHError.self) {
                try await run("touch \(marker)", on: server, knownHosts: server.knownHostsWithoutServer)
            }
            #expect(error?.code == .hostKeyUnknown)
            #expect(error?.message.contains("SHA256:") == true)
            #expect(!FileManager.default.fileExists(atPath: marker))
            #expect(!server.log.contains("Accepted publickey"))
        }
    }

    @Test("a host whose key differs from the one in known_hosts gets nothing")
    func mismatchedHostKey() async throws {
        try await LoopbackSSHServer.with { server in
            let error = await #expect(throws: SSHError.self) {
                try await run("true", on: server, knownHosts: server.knownHostsWithOtherKey)
            }
            #expect(error?.code == .hostKeyMismatch)
            #expect(!server.log.contains("Accepted publickey"))
        }
    }

    @Test("a missing known_hosts file trusts no host")
    func missingKnownHosts() async throws {
        try await LoopbackSSHServer.with { server in
            let error = await #expect(throws: SSHError.self) {
                try await run("true", on: server, knownHosts: "\(server.directory)/absent")
            }
            #expect(error?.code == .knownHostsUnreadable)
        }
    }

    @Test("a key the host does not know is refused")
    func wrongUserKey() async throws {
        try await LoopbackSSHServer.with { server in
            let error = await #expect(throws: SSHError.self) {
                try await run("true", on: server, key: server.strangerKey)
            }
            #expect(error?.code == .authenticationFailed)
            let missing = await #expect(throws: SSHError.self) {
                try await run("true", on: server, key: "\(server.directory)/absent_key")
            }
            #expect(missing?.code == .authenticationFailed)
        }
    }

    @Test("output beyond the limit is read and dropped; the command still ends normally")
    func boundedOutput() async throws {
        try await LoopbackSSHServer.with { server in
            let result = try await run("head -c 3000000 /dev/zero | tr '\\0' x", on: server, outputLimit: 1000)
            #expect(result.termination == .exited(0))
            #expect(result.output.utf8.count == 1000)
        }
    }

    @Test("a command that outlives the timeout is a timeout, not a result")
    func timeout() async throws {
        try await LoopbackSSHServer.with { server in
            let error = await #expect(throws: SSHError.self) {
                try await run("sleep 30", on: server, timeout: .milliseconds(700))
            }
            #expect(error?.code == .timedOut)
        }
    }

    @Test("cancelling the task ends the exchange")
    func cancelled() async throws {
        try await LoopbackSSHServer.with { server in
            let exchange = Task { try await run("sleep 30", on: server) }
            try await Task.sleep(for: .milliseconds(500))
            exchange.cancel()
            await #expect(throws: CancellationError.self) { try await exchange.value }
        }
    }

    @Test("nothing listening: the connection is refused")
    func refused() async throws {
        try requireIsolatedNetwork()
        let error = await #expect(throws: SSHError.self) {
            try await client.run(
                "true", on: SSHDestination(user: "root", host: "127.0.0.1", port: 1),
                credentials: SSHCredentials(keyPath: "/nonexistent", knownHostsPath: "/nonexistent"),
                timeout: .seconds(10))
        }
        #expect(error?.code == .connectFailed)
    }
}
