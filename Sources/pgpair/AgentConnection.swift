import ArgumentParser
import PairAgent
import PairCore

#if canImport(Glibc)
    import Glibc
#endif

/// One command's line to the local agent: sends requests on the control socket and turns a socket that cannot be
/// used into a sentence on standard error and the command's exit status.
struct AgentConnection {
    /// The command as the operator typed it, e.g. `pgpair standby`; starts every message.
    let commandName: String
    /// The control socket's path.
    let socket: String
    /// The exit status when no agent answers: 3 for `status`, 1 for the admin commands.
    let noAgentStatus: ExitCode

    /// A connection to the socket ha.cf names (`control_socket`); exit 78 when ha.cf cannot be loaded.
    init(commandName: String, options: CommonOptions, noAgentStatus: ExitCode = .failure) throws {
        self.commandName = commandName
        self.socket = try ControlSocketLocation.path(options: options)
        self.noAgentStatus = noAgentStatus
    }

    /// The agent's answer to `request`.
    func send(_ request: ControlRequest) async throws -> ControlResponse {
        do {
            return try await ControlClient(path: socket).send(request)
        } catch let error as ControlSocketError where error.code == .noAgent {
            if mayNotUseSocket() {
                StandardStreams.error(
                    "\(commandName): permission denied on \(socket): only root may send commands to the agent "
                        + "(and members of control_socket_group may ask for status)\n")
                throw ExitCode.failure
            }
            StandardStreams.error("\(commandName): no agent answers on \(socket): is `pgpair agent` running?\n")
            throw noAgentStatus
        } catch {
            StandardStreams.error("\(commandName): \(error)\n")
            throw ExitCode.failure
        }
    }

    /// The node's view; exit 1 when the agent gives none.
    func status() async throws -> NodeStatus {
        let response = try await send(.status)
        guard response.ok, let status = response.status else {
            StandardStreams.error("\(commandName): \(response.error ?? "the agent gave no status")\n")
            throw ExitCode.failure
        }
        return status
    }

    /// Sends an operator command; exit 1 with the agent's reason when it is refused.
    func command(_ request: OperatorRequest) async throws {
        let response = try await send(.operatorCommand(request))
        guard response.ok else {
            StandardStreams.error("\(commandName): refused: \(response.error ?? "the agent gave no reason")\n")
            throw ExitCode.failure
        }
    }

    /// True when the socket is there but this user may not connect to it: the connection failed for want of
    /// permission, not for want of an agent. The kernel refuses before the agent could say so itself.
    private func mayNotUseSocket() -> Bool {
        access(socket, W_OK) != 0 && errno == EACCES
    }
}
