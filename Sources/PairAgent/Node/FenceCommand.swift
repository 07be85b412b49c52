import PairCore

/// `fence command PATH [ARG…]`: runs the operator's program (IPMI, PDU, cloud API) with its arguments and the
/// peer's name last, as a child process (no shell) bounded by `fence_timeout`; exit 0 means the peer is fenced.
/// The program also finds the peer's name and the timeout in its environment (`PGPAIR_FENCE_PEER`,
/// `PGPAIR_FENCE_TIMEOUT` in whole seconds, rounded down); credentials belong in its own files, never in ha.cf.
struct FenceCommand: Fence {
    let path: String
    let arguments: [String]
    let timeout: Duration
    let runner: any ProcessRunner

    var method: String { "command \(path)" }

    func fence(peer: String) async throws -> FenceOutcome {
        let command = ProcessCommand(
            path, arguments + [peer],
            environment: ["PGPAIR_FENCE_PEER": peer, "PGPAIR_FENCE_TIMEOUT": "\(timeout.components.seconds)"],
            timeout: timeout)
        do {
            let outcome = try await runner.run(command)
            return FenceOutcome(succeeded: outcome.succeeded, summary: outcome.summary, output: outcome.output)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as ResourceError {
            return FenceOutcome(succeeded: false, summary: error.message, output: "")
        } catch {
            return FenceOutcome(succeeded: false, summary: "\(error)", output: "")
        }
    }
}
