extension HAConfigParser {
    /// Handles heartbeat's own directives; false when `line` is not one of them.
    mutating func handleHeartbeatDirective(_ line: ConfigLine) -> Bool {
        switch line.directive.text {
        case "keepalive":
            if let value = duration(line) { configuration.timing.keepalive = value }
        case "deadtime":
            if let value = duration(line) { configuration.timing.deadtime = value }
        case "warntime":
            if let value = duration(line) { explicitWarntime = value }
        case "initdead":
            if let value = duration(line) { explicitInitdead = value }
        case "udpport":
            if let value = integer(line, in: 1...65535) { configuration.udpPort = UInt16(value) }
        case "baud":
            handleBaud(line)
        case "node":
            handleNode(line)
        case "auto_failback":
            handleAutoFailback(line)
        case "nice_failback":
            handleNiceFailback(line)
        case "crm", "pacemaker":
            handleClusterManager(line)
        case "logfacility":
            handleLogFacility(line)
        case "logfile":
            if let path = absolutePath(line) { configuration.logging.file = path }
        case "debugfile":
            if let path = absolutePath(line) { configuration.logging.debugFile = path }
        case "bcast", "udp", "mcast", "ucast", "serial":
            handleMedium(line)
        case "ping", "ping_group":
            handlePing(line)
        default:
            return false
        }
        return true
    }

    private mutating func handleBaud(_ line: ConfigLine) {
        guard let token = singleValue(line) else { return }
        guard let rate = Int(token.text), HAConfiguration.baudRates.contains(rate) else {
            diagnostics.error(
                "`baud \(token.text)` is not a standard serial speed; write one of 9600, 19200, 38400, 57600, "
                    + "115200 (or another termios rate)", line: line.number)
            return
        }
        configuration.baudRate = rate
    }

    private mutating func handleNode(_ line: ConfigLine) {
        guard !line.arguments.isEmpty else {
            diagnostics.error("`node` needs a node name, e.g. `node castor`", line: line.number)
            return
        }
        for token in line.arguments {
            let name = token.text.lowercased()
            guard Self.isHostName(name) else {
                diagnostics.error(
                    "`\(token.text)` is not a node name; write the name `uname -n` prints on that node",
                    line: token.line)
                continue
            }
            if let first = nodeLines.first(where: { $0.name == name }) {
                diagnostics.error("node \(name) is already declared on line \(first.line)", line: token.line)
            } else if nodeLines.count == 2 {
                let known = nodeLines.map(\.name).joined(separator: " and ")
                diagnostics.error(
                    "a pair has exactly two nodes, \(known); remove `\(token.text)` or one of them", line: token.line)
            } else {
                nodeLines.append((name, token.line))
            }
        }
    }

    private mutating func handleAutoFailback(_ line: ConfigLine) {
        guard let token = singleValue(line) else { return }
        if token.text.lowercased() == "legacy" {
            diagnostics.error(
                "`auto_failback legacy` is not supported: it kept heartbeat compatible with nodes older than "
                    + "auto_failback, and pgpair has no such nodes; write `auto_failback off` (keep groups where "
                    + "they run) or `auto_failback on` (move them back to their home node)", line: line.number)
            return
        }
        guard let value = Self.booleanValue(token.text) else {
            diagnostics.error(
                "`auto_failback \(token.text)` is not valid; write `auto_failback off` or `auto_failback on`",
                line: line.number)
            return
        }
        configuration.autoFailback = value
    }

    private mutating func handleNiceFailback(_ line: ConfigLine) {
        guard once(line, as: "auto_failback") else { return }
        guard line.arguments.count == 1, let value = line.arguments.first.flatMap({ Self.booleanValue($0.text) }) else {
            diagnostics.error("`nice_failback` is obsolete; write `auto_failback off`", line: line.number)
            return
        }
        if value {
            diagnostics.warning(
                "`nice_failback on` is obsolete; pgpair reads it as `auto_failback off`: write that instead",
                line: line.number)
            configuration.autoFailback = false
        } else {
            diagnostics.error(
                "`nice_failback off` meant `auto_failback legacy`, which pgpair does not support; write "
                    + "`auto_failback on` or `auto_failback off`", line: line.number)
        }
    }

    private mutating func handleClusterManager(_ line: ConfigLine) {
        let name = line.directive.text
        guard let token = singleValue(line) else { return }
        if Self.booleanValue(token.text) == false {
            diagnostics.warning(
                "`\(name) \(token.text)` has no effect: pgpair manages the haresources groups itself; "
                    + "remove the line", line: line.number)
        } else {
            diagnostics.error(
                "`\(name) \(token.text)` hands resources to Pacemaker, a different cluster manager; pgpair "
                    + "manages the haresources groups itself: remove the line", line: line.number)
        }
    }

    private mutating func handleLogFacility(_ line: ConfigLine) {
        guard let token = singleValue(line) else { return }
        let facility = token.text.lowercased()
        guard LogSettings.facilities.contains(facility) else {
            diagnostics.error(
                "`logfacility \(token.text)` is not a syslog facility; write daemon, local0 … local7, user, "
                    + "or none", line: line.number)
            return
        }
        configuration.logging.facility = facility
    }
}
