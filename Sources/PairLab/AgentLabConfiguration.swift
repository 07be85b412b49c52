import Foundation
import PairCore

/// The three configuration files of a lab node's agent — ha.cf, haresources and authkeys — for the lab's
/// topology and paths. `Lab.writeAgentConfiguration(_:on:)` writes them into the node's config directory.
///
/// Both nodes get the same media, timings and key by default; a test that needs a node with a different key
/// writes that node's files from a copy with another `authKey`.
public struct AgentLabConfiguration: Sendable, Hashable {
    /// A heartbeat medium of the lab.
    public enum Medium: Sendable, Hashable, CaseIterable {
        /// UDP unicast on the heartbeat link (`ucast hb0 …`, one line per node; a node ignores its own).
        case heartbeatLink
        /// The socat serial pair (`serial ROOT/serial/NODE`).
        case serialLine
    }

    /// The UDP port of the `ucast` media.
    public static let udpPort = 694
    /// The serial line's speed (a pseudo terminal ignores it, but the agent configures it).
    public static let baud = 19200

    public var timings: AgentTimings
    /// The media, written in this order.
    public var media: [Medium]
    /// The sha256 key of authkeys' key 1, as written in the file (hex).
    public var authKey: String
    /// The resource group and the PostgreSQL, monitoring and takeover settings.
    public var service: LabServiceSettings
    /// Ping targets and fencing.
    public var guards: LabGuardSettings

    public init(
        timings: AgentTimings = .endToEnd,
        media: [Medium] = Medium.allCases,
        authKey: String = AgentLabConfiguration.randomKey(),
        service: LabServiceSettings = LabServiceSettings(),
        guards: LabGuardSettings = LabGuardSettings()
    ) {
        self.timings = timings
        self.media = media
        self.authKey = authKey
        self.service = service
        self.guards = guards
    }

    /// 64 random hex digits, like `openssl rand -hex 32`.
    public static func randomKey() -> String {
        (0..<4).map { _ in
            let hex = String(UInt64.random(in: .min ... .max), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// This configuration with another key: for a node whose messages the other must reject.
    public func withKey(_ key: String) -> AgentLabConfiguration {
        var copy = self
        copy.authKey = key
        return copy
    }

    /// The keys as PairCore reads them from authkeys: key 1, sha256, signing.
    public var authKeys: AuthKeys {
        AuthKeys(
            signingKeyID: 1,
            keys: [AuthKey(id: 1, method: .sha256, secret: AuthSecret(bytes: Array(authKey.utf8)), line: 2)])
    }

    // MARK: Media as ha.cf writes them (and `status` shows them)

    /// The `ucast` line that sends to `node`'s heartbeat-link address.
    public static func unicastMedium(to node: LabNode, topology: LabTopology) -> String {
        "ucast \(topology.heartbeatInterface) \(topology.heartbeatAddress(node).address)"
    }

    /// The `serial` line for `device`, the node's end of the socat pair as a /dev path (`Lab.serialTerminal(of:)`):
    /// pgpair takes serial devices under /dev only, so not the symlink socat keeps under the lab's root.
    public static func serialMedium(device: String) -> String {
        "serial \(device)"
    }

    /// The media lines in `node`'s ha.cf, in order, including the `ucast` line the node ignores (its own address).
    public func mediumLines(for node: LabNode, topology: LabTopology, serialDevice: String) -> [String] {
        media.flatMap { medium -> [String] in
            switch medium {
            case .heartbeatLink: LabNode.allCases.map { Self.unicastMedium(to: $0, topology: topology) }
            case .serialLine: [Self.serialMedium(device: serialDevice)]
            }
        }
    }

    /// The links `node`'s `status` reports: its media lines except the `ucast` line to its own address.
    public func links(of node: LabNode, topology: LabTopology, serialDevice: String) -> [String] {
        mediumLines(for: node, topology: topology, serialDevice: serialDevice)
            .filter { $0 != Self.unicastMedium(to: node, topology: topology) }
    }

    // MARK: Files

    /// The file name of the agent's own log (`logfile`) in the node's log directory.
    public static let logFileName = "pgpair.log"

    /// `node`'s ha.cf; `serialDevice` is the node's end of the serial pair.
    public func haCF(
        for node: LabNode, topology: LabTopology, paths: LabPaths, executables: LabExecutables, serialDevice: String
    ) -> String {
        let nodePaths = paths.node(node)
        var lines = [
            "# ha.cf of \(node.name) in lab run \(topology.runID), written by PairLab.",
            "keepalive \(timings.keepalive.wholeMilliseconds)ms",
            "deadtime \(timings.deadtime.wholeMilliseconds)ms",
            "warntime \(timings.warntime.wholeMilliseconds)ms",
            "initdead \(timings.initdead.wholeMilliseconds)ms",
            "udpport \(Self.udpPort)",
        ]
        lines += mediumLines(for: node, topology: topology, serialDevice: serialDevice)
        if media.contains(.serialLine) {
            lines.append("baud \(Self.baud)")
        }
        lines += LabNode.allCases.map { "node \($0.name)" }
        lines += [
            "state_dir \(nodePaths.stateDirectory)",
            "control_socket \(nodePaths.controlSocket)",
            "logfacility none",
            "logfile \(nodePaths.logDirectory)/\(Self.logFileName)",
        ]
        lines += service.haCFLines(for: node, topology: topology, paths: paths, executables: executables)
        lines += guards.haCFLines(for: node, topology: topology, paths: paths)
        return lines.joined(separator: "\n") + "\n"
    }

    /// haresources: castor is the home of the group of the service address and PostgreSQL (see
    /// `LabServiceSettings.resourceWords(topology:)`).
    public func haresources(topology: LabTopology) -> String {
        """
        # haresources of the lab, written by PairLab.
        \(([LabNode.a.name] + service.resourceWords(topology: topology)).joined(separator: " "))

        """
    }

    /// authkeys: key 1, sha256.
    public func authkeysFile() -> String {
        """
        # authkeys of the lab, written by PairLab.
        auth 1
        1 sha256 \(authKey)

        """
    }
}
