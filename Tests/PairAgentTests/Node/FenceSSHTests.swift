import PairCore
import PairSSH
import Synchronization
import Testing

@testable import PairAgent

/// `fence ssh` over a scripted remote shell (PairSSHTests run the real thing against sshd): what is asked of the
/// shell, and which results fence.
@Suite("fence ssh")
struct FenceSSHTests {
    final class ScriptedShell: FenceRemoteShell {
        let result: Result<SSHCommandResult, SSHError>
        let calls = Mutex<[(command: String, destination: SSHDestination, credentials: SSHCredentials)]>([])

        init(_ result: Result<SSHCommandResult, SSHError>) {
            self.result = result
        }

        func run(
            _ command: String, on destination: SSHDestination, credentials: SSHCredentials, timeout: Duration,
            outputLimit: Int
        ) async throws -> SSHCommandResult {
            calls.withLock { $0.append((command, destination, credentials)) }
            return try result.get()
        }
    }

    private static let target = SSHFenceTarget(
        user: "root", host: "kvm1", port: 2222, keyPath: "/etc/pgpair/fence_key",
        knownHostsPath: "/etc/pgpair/fence_known_hosts", command: "virsh destroy pollux")

    private static func ended(_ termination: SSHCommandResult.Termination, _ output: String = "") -> SSHCommandResult {
        SSHCommandResult(termination: termination, output: output, hostKeyFingerprint: "SHA256:x")
    }

    @Test("the command runs on the fence host with the key and known_hosts; exit 0 fences")
    func succeeds() async throws {
        let shell = ScriptedShell(.success(Self.ended(.exited(0), "Domain pollux destroyed\n")))
        let fence = FenceSSH(target: Self.target, timeout: .seconds(30), shell: shell)
        #expect(fence.method == "ssh root@kvm1:2222")
        let outcome = try await fence.fence(peer: "pollux")
        #expect(outcome.succeeded)
        let call = try #require(shell.calls.withLock { $0.first })
        #expect(call.command == "virsh destroy pollux")
        #expect(call.destination == SSHDestination(user: "root", host: "kvm1", port: 2222))
        #expect(
            call.credentials
                == SSHCredentials(keyPath: "/etc/pgpair/fence_key", knownHostsPath: "/etc/pgpair/fence_known_hosts"))
    }

    @Test(
        "a non-zero exit, a signal, or no run at all is a failed fence, with the reason",
        arguments: [
            (Result<SSHCommandResult, SSHError>.success(ended(.exited(1), "error: no domain")), "exit status 1"),
            (.success(ended(.signalled("KILL"))), "signal KILL"),
            (.failure(SSHError(.hostKeyUnknown, "kvm1 presented the ssh-ed25519 key SHA256:abc")), "host_key_unknown"),
            (.failure(SSHError(.authenticationFailed, "the host refused the key")), "authentication_failed"),
        ])
    func fails(_ result: Result<SSHCommandResult, SSHError>, reason: String) async throws {
        let outcome = try await FenceSSH(target: Self.target, timeout: .seconds(30), shell: ScriptedShell(result))
            .fence(peer: "pollux")
        #expect(!outcome.succeeded)
        #expect(outcome.summary.contains(reason))
    }
}
