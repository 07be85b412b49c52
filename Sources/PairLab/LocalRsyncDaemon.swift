import Foundation

/// An rsync daemon of a benchmark's own, on 127.0.0.1 in the benchmark's own network namespace or on a lab node's
/// primary-link address in its namespace (``SyncBenchmarkTransport``), serving read-write modules to one
/// password-protected user from one client address, as `etc/rsyncd.conf` sets up `pgpair-staging`; ended by its PID.
struct LocalRsyncDaemon: Sendable {
    static let user = "pgpair"

    let process: LabProcess
    let port: Int
    /// Where its configuration, secrets and logs are.
    let directory: String
    /// The client's password file (mode 0600, owned by root like the rounds' rsync).
    let passwordFile: String
    /// Where the daemon listens and where its clients run.
    let transport: SyncBenchmarkTransport

    /// `module` as an rsync destination URL.
    func destination(_ module: String) -> String {
        "rsync://\(Self.user)@\(transport.daemonAddress):\(port)/\(module)"
    }

    /// A client command: `arguments` run in the transport's client namespace.
    func clientCommand(_ arguments: [String]) -> [String] {
        SyncBenchmarkTransport.command(in: transport.clientNamespace, arguments)
    }

    /// Writes the configuration and secrets into `directory` and starts the daemon serving `modules` (name → path)
    /// as `transport` places it, then waits until it listens.
    static func start(
        in directory: String, modules: [(name: String, path: String)], transport: SyncBenchmarkTransport = .loopback
    ) async throws -> LocalRsyncDaemon {
        let password = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        let secrets = "\(directory)/rsyncd.secrets"
        let passwordFile = "\(directory)/rsync.secret"
        try writePrivate("\(user):\(password)\n", to: secrets)
        try writePrivate("\(password)\n", to: passwordFile)
        let sections = modules.map { module in
            """
            [\(module.name)]
                path = \(module.path)
                read only = false
                uid = root
                gid = root
                auth users = \(user)
                secrets file = \(secrets)
                hosts allow = \(transport.clientAddress)

            """
        }
        let config = "\(directory)/rsyncd.conf"
        try writePrivate("use chroot = no\nreverse lookup = no\n\n" + sections.joined(), to: config)
        let port = Int.random(in: 20_000...29_999)
        let process = try await LabProcess.start(
            name: "bench.rsyncd", node: nil,
            arguments: SyncBenchmarkTransport.command(
                in: transport.daemonNamespace,
                [
                    "rsync", "--daemon", "--no-detach", "--config=\(config)",
                    "--address=\(transport.daemonAddress)", "--port=\(port)",
                    "--log-file=\(directory)/rsyncd-transfers.log",
                ]), logPath: "\(directory)/rsyncd.log", workingDirectory: directory)
        let daemon = LocalRsyncDaemon(
            process: process, port: port, directory: directory, passwordFile: passwordFile, transport: transport)
        let deadline = ContinuousClock.now + .seconds(30)
        while !daemon.isListening {
            guard process.isRunning, ContinuousClock.now < deadline else {
                await process.stop()
                throw LabError(.notReady, "the benchmark's rsync daemon did not listen: \(process.logTail())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return daemon
    }

    /// Whether the daemon has logged that it listens.
    private var isListening: Bool {
        let log = FileManager.default.contents(atPath: "\(directory)/rsyncd-transfers.log")
        return log.map { String(decoding: $0, as: UTF8.self).contains("listening on port") } ?? false
    }

    /// Ends the daemon by its PID.
    func stop() async {
        await process.stop()
    }

    private static func writePrivate(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw LabError(.file, "cannot create \(path)")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
