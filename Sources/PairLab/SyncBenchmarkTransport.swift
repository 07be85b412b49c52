import Foundation

/// The path `pgpair-lab bench sync`'s copies take to its rsync daemon. Issue 5's is the lab's primary link: the
/// daemon in the standby's (pollux's) node namespace on its primary-link address, every client rsync started in the
/// active's (castor's) namespace with `ip netns exec`. The other is loopback in the benchmark's own namespace. The
/// benchmark's process never changes namespace; only its children do.
struct SyncBenchmarkTransport: Sendable {
    /// The namespace the client rsyncs run in; nil: the benchmark's own.
    var clientNamespace: String?
    /// The namespace the daemon runs in; nil: the benchmark's own.
    var daemonNamespace: String?
    /// The address the daemon listens on and the clients connect to.
    var daemonAddress: String
    /// The only address the daemon accepts connections from.
    var clientAddress: String
    /// How the lines and the progress name it.
    var name: String

    /// Loopback inside the benchmark's own network namespace.
    static let loopback = SyncBenchmarkTransport(
        clientNamespace: nil, daemonNamespace: nil, daemonAddress: "127.0.0.1", clientAddress: "127.0.0.1",
        name: "loopback")

    /// `lab`'s primary link, from castor (the active side) to pollux (the standby side).
    static func primaryLink(of lab: Lab) -> SyncBenchmarkTransport {
        SyncBenchmarkTransport(
            clientNamespace: lab.namespaceName(.node(.a)), daemonNamespace: lab.namespaceName(.node(.b)),
            daemonAddress: lab.topology.primaryAddress(.b).address,
            clientAddress: lab.topology.primaryAddress(.a).address, name: "primary-link")
    }

    /// `arguments` prefixed with `ip netns exec NAMESPACE` (nothing for the benchmark's own namespace).
    static func command(in namespace: String?, _ arguments: [String]) -> [String] {
        namespace.map { ["ip", "netns", "exec", $0] + arguments } ?? arguments
    }

    /// The `setpriv` pgpair's ``RsyncRound`` starts its rsyncs through: `/usr/bin/setpriv` itself in the benchmark's
    /// own namespace, otherwise a script written into `directory` that execs `ip netns exec NAMESPACE
    /// /usr/bin/setpriv "$@"`. Each step execs the next in the same process, so the round's parent-death signal,
    /// process group and PID reach rsync unchanged.
    func clientSetpriv(in directory: String) throws -> String {
        guard let clientNamespace else { return "/usr/bin/setpriv" }
        let path = "\(directory)/setpriv-in-\(clientNamespace)"
        let script = "#!/bin/sh\nexec ip netns exec '\(clientNamespace)' /usr/bin/setpriv \"$@\"\n"
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o755]
        guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: attributes) else {
            throw LabError(.file, "cannot create \(path)")
        }
        return path
    }
}
