extension HAConfigParser {
    /// `ping IP…` (each address its own target) and `ping_group NAME IP…` (one target, up when any member is).
    mutating func handlePing(_ line: ConfigLine) {
        if line.directive.text == "ping" {
            guard !line.arguments.isEmpty else {
                diagnostics.error("`ping` needs an address, e.g. `ping 10.0.0.254`", line: line.number)
                return
            }
            for token in line.arguments {
                if let address = pingAddress(token) {
                    addPingTarget(PingTarget(kind: .address(address), line: token.line))
                }
            }
            return
        }
        let arguments = Array(line.arguments)
        guard arguments.count >= 2 else {
            diagnostics.error(
                "`ping_group` needs a name and at least one address, e.g. `ping_group routers 10.0.0.253 10.0.0.254`",
                line: line.number)
            return
        }
        let name = arguments[0].text
        guard IPv4Address(name) == nil, Self.isHostName(name) else {
            diagnostics.error(
                "`\(name)` cannot name a ping group; write a name first, e.g. `ping_group routers 10.0.0.253`",
                line: line.number)
            return
        }
        let members = arguments.dropFirst().map { pingAddress($0) }
        guard members.allSatisfy({ $0 != nil }) else { return }
        if Set(members).count != members.count {
            diagnostics.error("ping group \(name) lists an address twice", line: line.number)
            return
        }
        addPingTarget(PingTarget(kind: .group(name: name, members: members.compactMap { $0 }), line: line.number))
    }

    private mutating func pingAddress(_ token: ConfigToken) -> IPv4Address? {
        guard let address = IPv4Address(token.text), !address.isUnusableAsHost else {
            diagnostics.error(
                "`\(token.text)` is not a usable IPv4 address; write the address of a router or another always-on "
                    + "host (pgpair does not resolve names for ping targets)", line: token.line)
            return nil
        }
        return address
    }

    private mutating func addPingTarget(_ target: PingTarget) {
        if let first = pingLines[target.name] {
            diagnostics.error("ping target \(target.name) is already declared on line \(first)", line: target.line)
            return
        }
        pingLines[target.name] = target.line
        configuration.pingTargets.append(target)
    }
}
