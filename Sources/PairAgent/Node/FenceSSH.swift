import PairCore
import PairSSH

/// `fence ssh USER@HOST[:PORT] key=PATH known_hosts=PATH command=…`: runs `command` on the fence host through
/// libssh2, bounded by `fence_timeout`; exit 0 means the peer is fenced. The host's key must be in `known_hosts`
/// (unknown or different: no fence, and the log says which key the host presented).
struct FenceSSH: Fence {
    let target: SSHFenceTarget
    let timeout: Duration
    let shell: any FenceRemoteShell

    var method: String {
        "ssh \(SSHDestination(user: target.user, host: target.host, port: target.port))"
    }

    func fence(peer: String) async throws -> FenceOutcome {
        do {
            let result = try await shell.run(
                target.command, on: SSHDestination(user: target.user, host: target.host, port: target.port),
                credentials: SSHCredentials(keyPath: target.keyPath, knownHostsPath: target.knownHostsPath),
                timeout: timeout, outputLimit: ProcessCommand.defaultOutputLimit)
            return FenceOutcome(succeeded: result.succeeded, summary: result.summary, output: result.output)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as SSHError {
            return FenceOutcome(succeeded: false, summary: error.description, output: "")
        } catch {
            return FenceOutcome(succeeded: false, summary: "\(error)", output: "")
        }
    }
}
