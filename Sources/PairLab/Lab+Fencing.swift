import Foundation

extension Lab {
    /// Writes the fencing kit (`LabFencing`) under `ROOT/fence/`: ed25519 host keys for the fence host and both
    /// nodes, a user key authorized everywhere, the known_hosts files (by address: nothing is ever resolved), the
    /// sshd configurations and the fence programs. Starts nothing.
    public func prepareFencing() async throws {
        try requireLive()
        let fencing = paths.fencing
        for directory in [
            fencing.directory, fencing.requestDirectory, fencing.doneDirectory, "\(fencing.directory)/pids",
        ] {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try FileManager.default.createDirectory(
            atPath: fencing.binDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let hosts: [(LabNamespace, String)] = [
            (.fence, topology.fenceHostAddress.address), (.node(.a), topology.lanAddress(.a).address),
            (.node(.b), topology.lanAddress(.b).address),
        ]
        var hostKeys: [LabNamespace: String] = [:]
        for (namespace, _) in hosts {
            try await generateKey(fencing.hostKey(namespace), comment: "pgpair lab \(namespace.role) host")
            hostKeys[namespace] = try publicKey(fencing.hostKey(namespace))
        }
        try await generateKey(fencing.userKey, comment: "pgpair lab fence user")
        try writeFencingFile(try publicKey(fencing.userKey) + "\n", to: fencing.authorizedKeys, mode: 0o600)
        let complete = hosts.map { "\($0.1) \(hostKeys[$0.0] ?? "")" }
        try writeFencingFile(
            complete.joined(separator: "\n") + "\n", to: fencing.knownHostsFile(.complete), mode: 0o600)
        try writeFencingFile(
            complete.dropFirst().joined(separator: "\n") + "\n", to: fencing.knownHostsFile(.withoutFenceHost),
            mode: 0o600)
        for (namespace, address) in hosts {
            try writeFencingFile(
                fencing.sshdConfiguration(namespace, address: address), to: fencing.sshdConfig(namespace), mode: 0o600)
        }
        try writeFencingFile(fencing.nodeDeathScript(), to: fencing.path(.nodeDeath), mode: 0o755)
        try writeFencingFile(fencing.failingScript(), to: fencing.path(.failing), mode: 0o755)
        for node in LabNode.allCases {
            try writeFencingFile(
                fencing.stopScript(for: node, topology: topology), to: fencing.stopProgram(of: node), mode: 0o755)
            try writeFencingFile("", to: fencing.pidFile(of: node), mode: 0o600)
        }
    }

    /// Starts an OpenSSH server in `namespace` (the fence host, or a node: then a process of the node, which node
    /// death ends) on its LAN address, port 22, and returns once it listens.
    @discardableResult
    public func startSSHServer(in namespace: LabNamespace) async throws -> LabProcess {
        let fencing = paths.fencing
        let node: LabNode? = if case .node(let node) = namespace { node } else { nil }
        // sshd's privilege-separation directory, which the distribution's ssh.service creates at boot.
        mkdir("/run/sshd", 0o755)
        let log = fencing.sshdLog(namespace)
        let process = try await spawn(
            "sshd", in: namespace, node: node,
            ["/usr/sbin/sshd", "-D", "-f", fencing.sshdConfig(namespace), "-E", log])
        try await waitUntil("sshd in \(namespace)", process: process, timeout: .seconds(30)) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("Server listening")
        }
        return process
    }

    /// Writes the PIDs `stop-NODE` kills: `node`'s agent, then the postmaster it runs (when one runs).
    public func writeFenceTargets(of node: LabNode) async throws {
        var pids: [Int32] = []
        if let agent = agentProcess(on: node) { pids.append(agent.pid) }
        if let postmaster = agentPostmaster(on: node) { pids.append(postmaster.pid) }
        try writeFencingFile(
            pids.map { "\($0)\n" }.joined(), to: paths.fencing.pidFile(of: node), mode: 0o600)
    }

    /// Starts answering fence requests: every request is node death (`failNode`) of the named node, acknowledged
    /// once done. Stop it before the lab ends.
    public nonisolated func startFenceResponder() -> LabFenceResponder {
        LabFenceResponder(lab: self)
    }

    private nonisolated func generateKey(_ path: String, comment: String) async throws {
        _ = try await CommandRunner.run(
            ["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path], timeout: .seconds(30)
        ).checked()
    }

    /// `TYPE BASE64` of the public half of the key at `privateKey`.
    private nonisolated func publicKey(_ privateKey: String) throws -> String {
        let line = try String(contentsOfFile: "\(privateKey).pub", encoding: .utf8)
        return line.split(separator: " ").prefix(2).joined(separator: " ")
    }

    nonisolated func writeFencingFile(_ text: String, to path: String, mode: Int) throws {
        let temporary = "\(path).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw LabError(.file, "cannot write \(temporary)")
        }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        guard rename(temporary, path) == 0 else {
            throw LabError(.file, "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
