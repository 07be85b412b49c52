extension HAConfigParser {
    private static let sshUsage =
        "write `fence ssh USER@HOST[:PORT] key=PATH known_hosts=PATH command=…`, e.g. `fence ssh root@kvm1 "
        + "key=/etc/pgpair/fence_key known_hosts=/etc/pgpair/fence_known_hosts command=virsh destroy pollux`"

    /// Handles `fence`, `fence_timeout`, `fence_delay`; false when `line` is not one of them.
    mutating func handleFenceDirective(_ line: ConfigLine) -> Bool {
        switch line.directive.text {
        case "fence":
            handleFence(line)
        case "fence_timeout":
            if let value = duration(line) { configuration.fencing.timeout = value }
        case "fence_delay":
            if let value = duration(line, allowZero: true) { configuration.fencing.delay = value }
        default:
            return false
        }
        return true
    }

    private mutating func handleFence(_ line: ConfigLine) {
        guard once(line) else { return }
        let arguments = Array(line.arguments)
        switch arguments.first?.text {
        case "command":
            handleFenceCommand(line, arguments: arguments)
        case "ssh":
            handleFenceSSH(line, arguments: arguments)
        default:
            diagnostics.error(
                "`fence` needs a method: write `fence command PATH` or `fence ssh USER@HOST …`", line: line.number)
        }
    }

    private mutating func handleFenceCommand(_ line: ConfigLine, arguments: [ConfigToken]) {
        guard arguments.count >= 2, let words = ArgumentWords.split(arguments[1].restOfLine), let path = words.first
        else {
            diagnostics.error(
                "`fence command` needs the program's absolute path, e.g. `fence command /usr/local/sbin/fence-peer` "
                    + "(it is run with the peer's name as its last argument)", line: line.number)
            return
        }
        guard path.hasPrefix("/") else {
            diagnostics.error(
                "`fence command` needs an absolute path, not `\(path)`, "
                    + "e.g. `fence command /usr/local/sbin/fence-peer`",
                line: line.number)
            return
        }
        configuration.fencing.method = .command(path: path, arguments: Array(words.dropFirst()))
    }

    private mutating func handleFenceSSH(_ line: ConfigLine, arguments: [ConfigToken]) {
        guard arguments.count >= 2, let destination = sshDestination(arguments[1].text) else {
            diagnostics.error("`fence ssh` needs USER@HOST[:PORT] first; \(Self.sshUsage)", line: line.number)
            return
        }
        var options: [String: String] = [:]
        var valid = true
        for token in arguments.dropFirst(2) {
            guard let equals = token.text.firstIndex(of: "=") else {
                diagnostics.error("`\(token.text)` is not a `fence ssh` option; \(Self.sshUsage)", line: token.line)
                valid = false
                continue
            }
            let key = String(token.text[..<equals])
            guard ["key", "known_hosts", "command"].contains(key), options[key] == nil else {
                diagnostics.error("`\(key)=` is unknown or repeated in `fence ssh`; \(Self.sshUsage)", line: token.line)
                valid = false
                continue
            }
            if key == "command" {
                // The command is everything after `command=`, blanks included.
                options[key] = String(token.restOfLine.dropFirst("command=".count))
                break
            }
            options[key] = String(token.text[token.text.index(after: equals)...])
        }
        let optionsAreWellFormed = valid
        for key in ["key", "known_hosts"] where optionsAreWellFormed && options[key]?.hasPrefix("/") != true {
            diagnostics.error("`fence ssh` needs `\(key)=` with an absolute path; \(Self.sshUsage)", line: line.number)
            valid = false
        }
        guard valid else { return }
        guard let command = options["command"], !command.isEmpty else {
            diagnostics.error(
                "`fence ssh` needs `command=` with the command to run; \(Self.sshUsage)",
                line: line.number)
            return
        }
        configuration.fencing.method = .ssh(
            SSHFenceTarget(
                user: destination.user, host: destination.host, port: destination.port,
                keyPath: options["key"] ?? "", knownHostsPath: options["known_hosts"] ?? "", command: command))
    }

    private func sshDestination(_ text: String) -> (user: String, host: String, port: UInt16)? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        let user = String(text[..<at])
        var host = String(text[text.index(after: at)...])
        var port: UInt16 = 22
        if let colon = host.lastIndex(of: ":") {
            guard let number = UInt16(host[host.index(after: colon)...]), number > 0 else { return nil }
            port = number
            host = String(host[..<colon])
        }
        guard !user.isEmpty, Self.isHostName(user), Self.isHostName(host) else { return nil }
        return (user, host.lowercased(), port)
    }

    /// Timeout and delay without a fence; fencing that names this node or goes through the peer itself.
    mutating func finishFencing() {
        guard let method = configuration.fencing.method else {
            for name in ["fence_timeout", "fence_delay"] {
                if let line = firstLine[name] {
                    diagnostics.warning("`\(name)` has no effect without a `fence` line", line: line)
                }
            }
            return
        }
        guard case .ssh(let target) = method else { return }
        if target.host == host.normalizedNodeName {
            diagnostics.error(
                "`fence ssh` names this node, \(target.host); it must name a fence host (hypervisor, PDU or IPMI "
                    + "gateway) or the peer", line: firstLine["fence"])
        } else if target.host == configuration.peerNode {
            diagnostics.warning(
                "`fence ssh` runs on the peer itself: this can fence a peer that is alive but cut off, never a "
                    + "dead or hung one; prefer a fence host (hypervisor, PDU or IPMI gateway)",
                line: firstLine["fence"])
        }
    }
}
