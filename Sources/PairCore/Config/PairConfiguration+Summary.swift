extension PairConfiguration {
    /// The readable summary `pgpair check-config` prints: nodes, media as written, timings (derived ones marked),
    /// groups in start order, PostgreSQL, sync, fencing, ping targets and the signing key's method (never a key).
    public func summary() -> String {
        var lines: [String] = []
        lines.append("nodes: \(ha.localNode) (this node), \(ha.peerNode) (peer)")
        lines += mediaSummary()
        lines += timingSummary()
        lines.append("auto_failback \(ha.autoFailback ? "on" : "off")")
        lines.append("cold_start_takeover \(ha.coldStartTakeover ? "yes" : "no")")
        let pings = ha.pingTargets.map(Self.describe)
        lines.append("ping targets: " + (pings.isEmpty ? "none" : pings.joined(separator: "; ")))
        lines += groupSummary()
        lines += postgresSummary()
        lines += syncSummary()
        lines.append("fencing: " + fencingSummary())
        lines.append(
            "state: state_dir \(ha.agent.stateDirectory), control_socket \(ha.agent.controlSocket)"
                + (ha.agent.controlSocketGroup.map { ", status open to group \($0)" } ?? ""))
        if let key = authKeys.signingKey {
            let accepted = authKeys.keys.map { "\($0.id) (\($0.method.rawValue))" }.joined(separator: ", ")
            lines.append(
                "authkeys: messages signed with key \(key.id) (\(key.method.rawValue)); keys accepted: \(accepted)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func mediaSummary() -> [String] {
        var lines = ["media:"]
        for medium in ha.media {
            switch medium.kind {
            case .serial: lines.append("  \(medium.written) at \(ha.baudRate) baud")
            case .broadcast, .unicast: lines.append("  \(medium.written) (udp port \(ha.udpPort))")
            case .multicast: lines.append("  \(medium.written)")
            }
        }
        for medium in ha.ignoredMedia {
            lines.append("  \(medium.written) (ignored: an address of this node)")
        }
        return lines
    }

    private func timingSummary() -> [String] {
        let timing = ha.timing
        let warnDerivation = timing.warntimeIsDerived ? " (derived: deadtime/2)" : ""
        let initDerivation =
            timing.initdeadIsDerived
            ? " (derived: \(HeartbeatTiming.initdeadDerivation(deadtime: timing.deadtime)))" : ""
        return [
            "timing:",
            "  keepalive \(timing.keepalive.configDescription)",
            "  deadtime \(timing.deadtime.configDescription)",
            "  warntime \(timing.warntime.configDescription)\(warnDerivation)",
            "  initdead \(timing.initdead.configDescription)\(initDerivation)",
        ]
    }

    private func groupSummary() -> [String] {
        var lines = ["groups (resources start left to right and stop right to left):"]
        for group in resources.groups {
            let chain = group.startOrder.map(Self.describe).joined(separator: " -> ")
            lines.append("  \(group.name) (home \(group.homeNode)): \(chain)")
        }
        return lines
    }

    private func postgresSummary() -> [String] {
        let postgres = ha.postgres
        var parts = ["port \(postgres.port)", "run by \(postgres.user)"]
        if let directory = postgres.dataDirectory { parts.insert("pgdata \(directory)", at: 0) }
        if let directory = postgres.binDirectory { parts.append("programs in \(directory)") }
        if !postgres.serverOptions.isEmpty { parts.append("options \(postgres.serverOptions.joined(separator: " "))") }
        let monitoring = ha.monitoring
        return [
            "postgresql: " + parts.joined(separator: ", "),
            "monitoring: every \(monitoring.interval.configDescription), restart_limit \(monitoring.restartLimit), "
                + "resource_timeout \(monitoring.resourceTimeout.configDescription)",
        ]
    }

    private func syncSummary() -> [String] {
        let sync = ha.sync
        guard let method = sync.method else { return ["sync: none (no sync_method)"] }
        let schedule =
            sync.interval == .zero ? "rounds from cron only" : "a round every \(sync.interval.configDescription)"
        var first: String
        switch method {
        case .rsync:
            first = "sync: rsync, pushed by the active node to \(sync.rsyncTarget?.written ?? "?")"
            if let source = sync.rsyncSource { first += ", pulls from \(source.written)" }
        case .pgDumpall:
            first = "sync: pg_dumpall, pulled by the standby"
        }
        let snapshots =
            "  snapshots in \(sync.snapshotDirectory ?? "?"), keep \(sync.snapshotKeep); \(schedule); "
            + "lock \(sync.lockfile)"
        return [first, snapshots]
    }

    private func fencingSummary() -> String {
        let fencing = ha.fencing
        let timing = "timeout \(fencing.timeout.configDescription), delay \(fencing.delay.configDescription)"
        switch fencing.method {
        case nil:
            return "none"
        case .command(let path, let arguments):
            return "command " + ([path] + arguments + ["<peer>"]).joined(separator: " ") + "; \(timing)"
        case .ssh(let target):
            return "ssh \(target.user)@\(target.host):\(target.port) runs `\(target.command)`; \(timing)"
        }
    }

    private static func describe(_ target: PingTarget) -> String {
        switch target.kind {
        case .address(let address): return address.description
        case .group(let name, let members):
            return "\(name) (any of \(members.map(\.description).joined(separator: " ")))"
        }
    }

    private static func describe(_ resource: Resource) -> String {
        switch resource.kind {
        case .serviceAddress(let address):
            var text = "IPaddr \(address.address)"
            if let prefix = address.prefixLength { text += "/\(prefix)" }
            if let interface = address.interface { text += " on \(interface)" }
            if let broadcast = address.broadcast { text += " brd \(broadcast)" }
            return text
        case .postgres(let directory):
            return "pgsql \(directory)"
        case .script(_, let path, let arguments):
            return ([path] + arguments).joined(separator: " ")
        }
    }
}
