import Foundation

extension Lab {
    /// Kills every process of `node` the lab started, and their descendants (PostgreSQL's backends), with
    /// SIGKILL, and returns once they have all ended. Signals go by PID only. Links stay as they are; see
    /// `failNode(_:)` for node death.
    public func killProcesses(of node: LabNode) async {
        logger.info("lab: killing the processes of \(node)")
        let roots = runningProcesses(of: node)
        var descendants: [ProcessTable.Entry] = []
        for root in roots {
            // Stopped first, so it forks nothing while its tree is read.
            root.send(SIGSTOP)
            let tree = ProcessTable.descendants(of: root.pid)
            for entry in tree.reversed() {
                Glibc.kill(entry.pid, SIGKILL)
            }
            root.send(SIGKILL)
            descendants += tree
        }
        for root in roots {
            await root.waitForExit(within: .seconds(30))
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while descendants.contains(where: { ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) }),
            ContinuousClock.now < deadline
        {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Freezes `node`: SIGSTOP to every process of the node the lab started and their descendants. The
    /// kernel of the node's namespace still answers ARP and ping.
    public func freezeProcesses(of node: LabNode) {
        logger.info("lab: freezing \(node)")
        for root in runningProcesses(of: node) {
            root.send(SIGSTOP)
            for entry in ProcessTable.descendants(of: root.pid) {
                Glibc.kill(entry.pid, SIGSTOP)
            }
        }
    }

    /// Thaws a frozen node: SIGCONT to the same processes.
    public func thawProcesses(of node: LabNode) {
        logger.info("lab: thawing \(node)")
        for root in runningProcesses(of: node) {
            thawTree(of: root)
        }
    }

    func thawTree(of root: LabProcess) {
        for entry in ProcessTable.descendants(of: root.pid) {
            Glibc.kill(entry.pid, SIGCONT)
        }
        root.send(SIGCONT)
    }

    /// Node death: every process of the node killed and all its links cut, LAN included.
    public func failNode(_ node: LabNode) async throws {
        await killProcesses(of: node)
        for link in links(of: node) {
            try await cut(link)
        }
    }
}
