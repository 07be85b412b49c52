extension HAConfigParser {
    /// `bcast IF…`, `udp IF…` (heartbeat's old name for bcast), `mcast …`, `ucast …`, `serial DEV…`.
    mutating func handleMedium(_ line: ConfigLine) {
        let name = line.directive.text
        switch name {
        case "bcast", "udp":
            if name == "udp" {
                diagnostics.warning("`udp` is heartbeat's old name for `bcast`; write `bcast`", line: line.number)
            }
            handleBroadcast(line)
        case "mcast":
            handleMulticast(line)
        case "ucast":
            handleUnicast(line)
        default:
            handleSerial(line)
        }
    }

    private mutating func handleBroadcast(_ line: ConfigLine) {
        guard !line.arguments.isEmpty else {
            diagnostics.error("`\(line.directive.text)` needs an interface, e.g. `bcast eth1`", line: line.number)
            return
        }
        for token in line.arguments {
            guard Self.isInterfaceName(token.text) else {
                diagnostics.error(
                    "`\(token.text)` is not a network interface name, e.g. `bcast eth1`", line: token.line)
                continue
            }
            addMedium(.broadcast(interface: token.text), written: "bcast \(token.text)", line: token.line)
        }
    }

    private mutating func handleMulticast(_ line: ConfigLine) {
        let usage = "write `mcast IF GROUP PORT TTL LOOP`, e.g. `mcast eth1 239.192.0.42 694 1 0`"
        let arguments = Array(line.arguments)
        guard arguments.count == 5 else {
            diagnostics.error("`mcast` needs 5 values, not \(arguments.count); \(usage)", line: line.number)
            return
        }
        var valid = true
        if !Self.isInterfaceName(arguments[0].text) {
            diagnostics.error("`\(arguments[0].text)` is not a network interface name; \(usage)", line: line.number)
            valid = false
        }
        let group = IPv4Address(arguments[1].text)
        if group == nil || group?.isMulticast == false {
            diagnostics.error(
                "`\(arguments[1].text)` is not an IPv4 multicast group (224.0.0.0 to 239.255.255.255; "
                    + "239.192.0.0/14 is meant for local use); \(usage)", line: line.number)
            valid = false
        }
        let port = integer(arguments[2], named: "mcast", in: 1...65535)
        let ttl = integer(arguments[3], named: "mcast", in: 1...255)
        let loop = arguments[4].text == "0" || arguments[4].text == "1" ? arguments[4].text == "1" : nil
        if loop == nil {
            diagnostics.error(
                "the mcast loop value must be 0 or 1, not `\(arguments[4].text)`; \(usage)",
                line: line.number)
        }
        guard valid, let group, let port, let ttl, let loop else { return }
        let kind = HeartbeatMedium.Kind.multicast(
            interface: arguments[0].text, group: group, port: UInt16(port), ttl: UInt8(ttl), loop: loop)
        addMedium(kind, written: line.normalized, line: line.number)
    }

    private mutating func handleUnicast(_ line: ConfigLine) {
        let usage = "write `ucast IF PEER-IP`, e.g. `ucast eth1 10.0.0.2`"
        let arguments = Array(line.arguments)
        guard arguments.count == 2 else {
            diagnostics.error("`ucast` needs 2 values, not \(arguments.count); \(usage)", line: line.number)
            return
        }
        let interfaceIsValid = Self.isInterfaceName(arguments[0].text)
        if !interfaceIsValid {
            diagnostics.error("`\(arguments[0].text)` is not a network interface name; \(usage)", line: line.number)
        }
        guard let peer = IPv4Address(arguments[1].text) else {
            diagnostics.error(
                "`\(arguments[1].text)` is not an IPv4 address (pgpair does not resolve names for media, so "
                    + "a DNS failure cannot cut a link); \(usage)", line: line.number)
            return
        }
        guard !peer.isUnusableAsHost else {
            diagnostics.error(
                "`\(arguments[1].text)` cannot be the peer's address (loopback, broadcast, multicast or reserved); "
                    + "\(usage)", line: line.number)
            return
        }
        guard interfaceIsValid else { return }
        let medium = HeartbeatMedium(
            kind: .unicast(interface: arguments[0].text, peer: peer), line: line.number, written: line.normalized)
        if host.localAddresses?.contains(peer) == true {
            configuration.ignoredMedia.append(medium)
        } else {
            addMedium(medium.kind, written: medium.written, line: line.number)
        }
    }

    private mutating func handleSerial(_ line: ConfigLine) {
        guard !line.arguments.isEmpty else {
            diagnostics.error("`serial` needs a device, e.g. `serial /dev/ttyS0`", line: line.number)
            return
        }
        for token in line.arguments {
            guard token.text.hasPrefix("/dev/"), token.text.count > 5 else {
                diagnostics.error(
                    "`\(token.text)` is not a serial device; write its path, e.g. `serial /dev/ttyS0`",
                    line: token.line)
                continue
            }
            addMedium(.serial(device: token.text), written: "serial \(token.text)", line: token.line)
        }
    }

    private mutating func addMedium(_ kind: HeartbeatMedium.Kind, written: String, line: Int) {
        if let first = mediumLines[written] {
            diagnostics.error("the medium `\(written)` is already declared on line \(first)", line: line)
            return
        }
        mediumLines[written] = line
        configuration.media.append(HeartbeatMedium(kind: kind, line: line, written: written))
    }

    /// At least one medium; a warning for a single one; `udpport` and `baud` placement.
    mutating func finishMedia() {
        let media = configuration.media
        if media.isEmpty && !configuration.ignoredMedia.isEmpty {
            let own = configuration.ignoredMedia.map { "`\($0.written)`" }.joined(separator: ", ")
            diagnostics.error(
                "every heartbeat medium is a ucast to this node's own address (\(own)); add `ucast IF PEER-IP` "
                    + "with the peer's address, or another medium such as `serial /dev/ttyS0`", line: nil)
        } else if media.isEmpty {
            diagnostics.error(
                "ha.cf declares no heartbeat medium; write at least one of bcast, mcast, ucast or serial, "
                    + "e.g. `ucast eth1 10.0.0.2` and `serial /dev/ttyS0`", line: nil)
        } else if media.count == 1 {
            diagnostics.warning(
                "`\(media[0].written)` is the only heartbeat medium: if it fails, the peer looks dead while it is "
                    + "not; add a second, independent one, e.g. `serial /dev/ttyS0`", line: media[0].line)
        }
        if let portLine = firstLine["udpport"],
            let firstUDP = media.first(where: { $0.usesUDPPort })?.line, firstUDP < portLine
        {
            diagnostics.warning(
                "heartbeat applied `udpport` only to the media declared after it; pgpair uses port "
                    + "\(configuration.udpPort) for every bcast and ucast medium, also those above (line \(firstUDP))",
                line: portLine)
        }
        if let baudLine = firstLine["baud"], !media.contains(where: { $0.isSerial }) {
            diagnostics.warning("`baud` has no effect without a `serial` medium", line: baudLine)
        }
        warnAboutSharedPorts(media)
    }

    /// Two UDP media on one interface and port share that port: the kernel hands each unicast datagram to only one
    /// of their sockets, so one medium may be credited with the other's messages. Two `ucast` lines on one interface
    /// are left alone: that is how one ha.cf serves both nodes (one of them names this node's own address and is
    /// ignored whenever this node's addresses can be read).
    private mutating func warnAboutSharedPorts(_ media: [HeartbeatMedium]) {
        var firstOnPort: [String: HeartbeatMedium] = [:]
        for medium in media {
            let endpoint: (interface: String, port: UInt16)
            switch medium.kind {
            case .broadcast(let interface), .unicast(let interface, _):
                endpoint = (interface, configuration.udpPort)
            case .multicast(let interface, _, let port, _, _):
                endpoint = (interface, port)
            case .serial:
                continue
            }
            let key = "\(endpoint.interface):\(endpoint.port)"
            guard let first = firstOnPort[key] else {
                firstOnPort[key] = medium
                continue
            }
            if case .unicast = medium.kind, case .unicast = first.kind { continue }
            diagnostics.warning(
                "`\(medium.written)` and `\(first.written)` (line \(first.line)) both use port \(endpoint.port) on "
                    + "\(endpoint.interface): each datagram reaches only one of them, so `status` cannot tell the two "
                    + "links apart; give each UDP medium its own interface", line: medium.line)
        }
    }
}
