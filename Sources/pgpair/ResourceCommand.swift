import ArgumentParser
import Logging
import PairAgent
import PairCore

/// `pgpair resource start|stop|status GROUP`: run one haresources group by hand, only while no agent runs.
struct ResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource",
        abstract: "Start, stop or check one haresources group by hand (only while no agent runs).",
        discussion: """
            GROUP is the group's first resource as written in haresources (as `pgpair status` shows it). start \
            runs the resources left to right (a failure stops again what was started), stop right to left. Exits \
            0 when done (status: every resource runs), 3 when status finds the group stopped, 1 when an action \
            failed or the group is partly running, 75 when an agent answers on control_socket (it owns the \
            resources; use `pgpair standby` or `pgpair takeover`, or stop the agent first), 78 on a configuration \
            error. See docs/resources.md.
            """
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case start
        case stop
        case status
    }

    @OptionGroup var options: CommonOptions

    @Argument(help: "start, stop or status.")
    var action: Action

    @Argument(help: "The group: its first resource as written in haresources.")
    var group: String

    func run() async throws {
        let outcome = ConfigurationLoader.load(configDirectory: options.configDirectory, nodeName: options.nodeName)
        for diagnostic in outcome.diagnostics where diagnostic.isError {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let configuration = outcome.configuration else { throw ExitStatus.configError }
        guard let resourceGroup = configuration.resources.groups.first(where: { $0.name == group }) else {
            let known = configuration.resources.groups.map(\.name).joined(separator: ", ")
            StandardStreams.error(
                "pgpair resource: no haresources group is called \(group); the groups are: "
                    + (known.isEmpty ? "(none)" : known) + "\n")
            throw ExitCode(64)
        }
        try await refuseWhileAnAgentRuns(socket: configuration.ha.agent.controlSocket)

        let logger = Logger(label: "pgpair.resource") { _ in StreamLogHandler.standardError(label: "pgpair.resource") }
        let controls = ResourceControls.system(for: configuration.ha, arpRepeats: .beforeReturning, logger: logger)
        let runner = controls.runner(for: resourceGroup)
        switch action {
        case .start: try report(await runner.start(), done: "started")
        case .stop: try report(await runner.stop(), done: "stopped")
        case .status: try reportStatus(await runner.states())
        }
    }

    /// Exit 75 when an agent (or anything) answers on the control socket: it owns the resources.
    private func refuseWhileAnAgentRuns(socket: String) async throws {
        do {
            _ = try await ControlClient(path: socket).send(.status)
        } catch let error as ControlSocketError where error.code == .noAgent {
            return
        } catch {
            // Something answers, if not in a way we understand: still not ours to touch.
        }
        StandardStreams.error(
            "pgpair resource: refused: a pgpair agent answers on \(socket) and owns this node's resources; use "
                + "`pgpair standby` or `pgpair takeover`, or stop the agent first.\n")
        throw ExitStatus.temporaryFailure
    }

    private func report(_ outcome: ResourceOutcome, done: String) throws {
        switch outcome {
        case .succeeded:
            StandardStreams.out("\(group): \(done)\n")
        case .failed(let reason):
            StandardStreams.error("pgpair resource \(action.rawValue) \(group): \(reason)\n")
            throw ExitCode.failure
        }
    }

    private func reportStatus(_ states: [(name: String, state: Result<ResourceState, any Error>)]) throws {
        var running = 0
        var stopped = 0
        for (name, state) in states {
            switch state {
            case .success(.running):
                running += 1
                StandardStreams.out("\(name): running\n")
            case .success(.stopped):
                stopped += 1
                StandardStreams.out("\(name): stopped\n")
            case .failure(let error):
                StandardStreams.out("\(name): failed: \((error as? ResourceError)?.message ?? "\(error)")\n")
            }
        }
        if running == states.count { return }
        if stopped == states.count { throw ExitStatus.notRunning }
        StandardStreams.error("pgpair resource status \(group): the group is neither wholly running nor stopped\n")
        throw ExitCode.failure
    }
}
