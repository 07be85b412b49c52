import Foundation

extension Lab {
    /// The name the lab gives a node's agent process: its output goes to the node's `agent.log`.
    nonisolated var agentProcessName: String { "agent" }

    // MARK: Configuration

    /// Writes ha.cf, haresources and authkeys (mode 600, set before the key lands in it) into the config
    /// directory of each of `nodes`, and `resource.d/order` when the group holds the order script.
    public func writeAgentConfiguration(_ configuration: AgentLabConfiguration, on nodes: [LabNode] = LabNode.allCases)
        throws
    {
        try requireLive()
        for node in nodes {
            let directory = paths.node(node).configDirectory
            let haCF = configuration.haCF(
                for: node, topology: topology, paths: paths, executables: executables,
                serialDevice: try serialTerminal(of: node))
            try writeConfigFile(haCF, to: "\(directory)/ha.cf", mode: 0o644)
            try writeConfigFile(
                configuration.haresources(topology: topology), to: "\(directory)/haresources", mode: 0o644)
            try writeConfigFile(configuration.authkeysFile(), to: "\(directory)/authkeys", mode: 0o600)
            if configuration.service.usesOrderScript {
                try FileManager.default.createDirectory(
                    atPath: "\(directory)/resource.d", withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755])
                try writeConfigFile(
                    LabOrderScript.script(for: node, topology: topology, paths: paths),
                    to: "\(directory)/resource.d/\(LabOrderScript.name)", mode: 0o755)
            }
        }
    }

    /// What `node`'s order script (`LabOrderScript`) has recorded so far, in order.
    public nonisolated func orderRecords(of node: LabNode) -> [LabOrderScript.Record] {
        let path = "\(paths.node(node).logDirectory)/\(LabOrderScript.logFileName)"
        return LabOrderScript.records(in: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// `node`'s end of the serial pair as the pseudo terminal's /dev path, which socat's symlink
    /// (`LabPaths.serialDevice(of:)`) points to; pgpair takes serial devices under /dev only.
    public nonisolated func serialTerminal(of node: LabNode) throws -> String {
        let link = paths.serialDevice(of: node)
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link), target.hasPrefix("/dev/")
        else { throw LabError(.invalidState, "\(link) is not a link to a pseudo terminal under /dev") }
        return target
    }

    /// The links `node`'s agent reports with `configuration`, in ha.cf order: the `ucast` line to the peer and
    /// the serial line, as their ha.cf lines.
    public nonisolated func agentLinks(of node: LabNode, configuration: AgentLabConfiguration) throws -> [String] {
        configuration.links(of: node, topology: topology, serialDevice: try serialTerminal(of: node))
    }

    /// The agent's own log (`logfile` in ha.cf): lines that start with an RFC 3339 UTC timestamp.
    public nonisolated func agentLogFile(of node: LabNode) -> String {
        "\(paths.node(node).logDirectory)/\(AgentLabConfiguration.logFileName)"
    }

    /// The `pgpair` arguments common to every command for `node`: its config directory and name.
    public nonisolated func pgpairOptions(for node: LabNode) -> [String] {
        ["--config-dir", paths.node(node).configDirectory, "--node", node.name]
    }

    // MARK: The agent process

    /// Starts `pgpair agent … --log-stderr` inside `node`'s namespace (so node faults and teardown reach it)
    /// and waits until it answers `pgpair status`. Write the configuration first.
    @discardableResult
    public func startAgent(on node: LabNode, debug: Bool = false, within limit: Duration = .seconds(30))
        async throws -> LabProcess
    {
        try LabExecutables.require([executables.pgpair])
        if let running = agentProcess(on: node) {
            throw LabError(.invalidState, "an agent already runs on \(node) as \(running)")
        }
        let haCF = "\(paths.node(node).configDirectory)/ha.cf"
        guard FileManager.default.fileExists(atPath: haCF) else {
            throw LabError(.invalidState, "\(haCF) is missing; call writeAgentConfiguration(_:on:) first")
        }
        let process = try await spawn(
            agentProcessName, in: .node(node), node: node,
            [executables.pgpair, "agent"] + pgpairOptions(for: node) + ["--log-stderr"] + (debug ? ["--debug"] : []))
        try await waitUntil("the agent on \(node)", process: process, timeout: limit) {
            await (try? statusCommand(of: node))?.succeeded == true
        }
        logger.info("lab: agent answers", metadata: ["lab.node": "\(node.name)", "lab.pid": "\(process.pid)"])
        return process
    }

    /// The running agent of `node`, if any.
    public func agentProcess(on node: LabNode) -> LabProcess? {
        runningProcesses(of: node).last { $0.name == "\(node.name).\(agentProcessName)" }
    }

    /// Stops `node`'s agent cleanly (SIGTERM; SIGKILL after `grace`) and returns how it ended.
    @discardableResult
    public func stopAgent(on node: LabNode, grace: Duration = .seconds(10)) async throws -> LabProcess.Exit? {
        guard let process = agentProcess(on: node) else {
            throw LabError(.invalidState, "no agent runs on \(node)")
        }
        return await process.stop(signal: SIGTERM, grace: grace)
    }

    /// Kills `node`'s agent with SIGKILL, by its PID, and returns once it has ended; nothing else of the
    /// node is touched (see `killProcesses(of:)` for that).
    public func killAgent(on node: LabNode) async throws {
        guard let process = agentProcess(on: node) else {
            throw LabError(.invalidState, "no agent runs on \(node)")
        }
        logger.info("lab: killing the agent of \(node)", metadata: ["lab.pid": "\(process.pid)"])
        process.send(SIGKILL)
        guard await process.waitForExit(within: .seconds(30)) else {
            throw LabError(.processFailed, "\(process) did not end after SIGKILL")
        }
    }

    // MARK: Status

    /// Runs `pgpair status --json` in `node`'s namespace; its exit status is a result (3: no agent answers).
    public func statusCommand(of node: LabNode, timeout: Duration = .seconds(20)) async throws -> CommandOutput {
        try await run(
            in: .node(node), [executables.pgpair, "status", "--json"] + pgpairOptions(for: node), timeout: timeout)
    }

    /// `node`'s view, from `pgpair status --json`; throws when the command fails or prints no valid object.
    public func status(of node: LabNode) async throws -> AgentStatusReport {
        let output = try await statusCommand(of: node).checked()
        do {
            return try AgentStatusReport.parse(json: output.standardOutput)
        } catch {
            throw LabError(
                .commandFailed,
                "`pgpair status --json` on \(node) printed no valid status object (\(error)): "
                    + "\(output.standardOutput.suffix(2_000))")
        }
    }

    /// Polls `node`'s status until `predicate` holds and returns that status. Fails after `limit` with the
    /// last status seen (or the last error), or at once when the node's agent has ended. A bound, not a
    /// measurement: tests assert what happened, never how fast.
    /// Nonisolated so that `predicate` runs in the caller's context and may note what it saw.
    @discardableResult
    public nonisolated func waitFor(
        _ what: String,
        on node: LabNode,
        within limit: Duration = .seconds(30),
        every interval: Duration = .milliseconds(100),
        _ predicate: (AgentStatusReport) -> Bool
    ) async throws -> AgentStatusReport {
        let deadline = ContinuousClock.now + limit
        var last = "no answer yet"
        while true {
            do {
                let status = try await status(of: node)
                if predicate(status) { return status }
                last = status.json
            } catch {
                last = "\(error)"
            }
            guard await agentProcess(on: node) != nil else {
                throw LabError(
                    .processFailed,
                    "the agent of \(node) ended while waiting for \(what); its log: \(agentLogTail(of: node))")
            }
            guard ContinuousClock.now < deadline else {
                throw LabError(.notReady, "\(node): \(what) did not happen within \(limit); last status: \(last)")
            }
            try await Task.sleep(for: interval)
        }
    }

    /// The last `bytes` of the agent's output on `node` (the spawned process's log), for messages.
    public nonisolated func agentLogTail(of node: LabNode, bytes: Int = 2_000) -> String {
        let path = paths.node(node).log(agentProcessName)
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }

    /// Writes a configuration file with `mode` set before any content lands in it.
    private nonisolated func writeConfigFile(_ text: String, to path: String, mode: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: mode]) else {
            throw LabError(.file, "cannot create \(path)")
        }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw LabError(.file, "cannot open \(path)") }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
    }
}
