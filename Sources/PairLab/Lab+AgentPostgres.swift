import Foundation

extension Lab {
    /// The postmaster the agent of `node` runs: the PID in the node's `postmaster.pid`, when that process is alive
    /// and a descendant of a process the lab started for the node (the agent started it). Nil otherwise, e.g. with
    /// no postmaster.pid or a stale one.
    public func agentPostmaster(on node: LabNode) -> ProcessTable.Entry? {
        let pgdata = paths.node(node).pgdata
        guard let text = try? String(contentsOfFile: "\(pgdata)/postmaster.pid", encoding: .utf8),
            let line = text.split(separator: "\n").first, let pid = Int32(line),
            let entry = ProcessTable.entry(pid), entry.state != "Z"
        else { return nil }
        let ours = runningProcesses(of: node).contains { root in
            ProcessTable.descendants(of: root.pid).contains { $0.pid == pid }
        }
        return ours ? entry : nil
    }

    /// Kills only PostgreSQL's postmaster on `node` with SIGKILL (its backends notice and end by themselves), by the
    /// PID `agentPostmaster(on:)` found, and waits until it is gone. Returns the PID it killed.
    @discardableResult
    public func killAgentPostmaster(on node: LabNode) async throws -> Int32 {
        guard let postmaster = agentPostmaster(on: node) else {
            throw LabError(.invalidState, "no postmaster of the agent runs on \(node)")
        }
        logger.info("lab: killing the postmaster of \(node)", metadata: ["lab.pid": "\(postmaster.pid)"])
        Glibc.kill(postmaster.pid, SIGKILL)
        let deadline = ContinuousClock.now + .seconds(30)
        while ProcessTable.isAlive(pid: postmaster.pid, startTime: postmaster.startTime) {
            guard ContinuousClock.now < deadline else {
                throw LabError(.processFailed, "the postmaster \(postmaster.pid) of \(node) outlived SIGKILL")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return postmaster.pid
    }

    /// Waits (at most `limit`) until the process named in `node`'s `postmaster.pid`, if any, is gone from the process
    /// table — a killed postmaster stays a zombie until it is reaped, and PostgreSQL refuses to start while the PID in
    /// its lock file exists. Returns whether it is gone.
    @discardableResult
    public nonisolated func waitForStalePostmaster(on node: LabNode, within limit: Duration = .seconds(10)) async
        -> Bool
    {
        let file = "\(paths.node(node).pgdata)/postmaster.pid"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
            let line = text.split(separator: "\n").first, let pid = Int32(line)
        else { return true }
        let deadline = ContinuousClock.now + limit
        while ProcessTable.entry(pid) != nil {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Times `runs` bare starts of `node`'s cluster with `pg_ctl start -w` (as postgres, in the node's namespace,
    /// with the lab's command-line settings for the node), each followed by `pg_ctl stop -m fast`: the floor the
    /// failover benchmark compares against. The cluster must not be running. Each time includes starting `pg_ctl`
    /// through `ip netns exec` and `setpriv`, a few milliseconds.
    public func timeBarePostgresStarts(on node: LabNode, runs: Int) async throws -> [Duration] {
        let nodePaths = paths.node(node)
        let logFile = nodePaths.log("pg_ctl")
        // pg_ctl runs as postgres, and the node's log directory belongs to root.
        if !FileManager.default.fileExists(atPath: logFile) {
            guard FileManager.default.createFile(atPath: logFile, contents: nil) else {
                throw LabError(.file, "cannot create \(logFile)")
            }
            try FileManager.default.setAttributes(
                [.ownerAccountName: "postgres", .groupOwnerAccountName: "postgres"], ofItemAtPath: logFile)
        }
        // pg_ctl hands -o to a shell: the settings hold no space, quote or glob character.
        let options = postgresSettings(for: node)
            .map { "-c \($0.0)=\($0.1)" }.joined(separator: " ")
        let pgCtl = executables.postgres("pg_ctl")
        var durations: [Duration] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await run(
                in: .node(node), as: .postgres,
                [pgCtl, "start", "-w", "-t", "120", "-D", nodePaths.pgdata, "-l", logFile, "-o", options],
                timeout: .seconds(150)
            ).checked()
            durations.append(clock.now - start)
            _ = try await run(
                in: .node(node), as: .postgres, [pgCtl, "stop", "-w", "-m", "fast", "-D", nodePaths.pgdata],
                timeout: .seconds(150)
            ).checked()
        }
        return durations
    }
}
