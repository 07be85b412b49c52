import Foundation
import Testing

/// An rsync daemon on 127.0.0.1 serving one read-write module, `pgpair-staging`, whose path is a snapshot
/// directory, and when asked the read-only `pgpair-data` exporting a data directory, with a password-protected user
/// (as `etc/rsyncd.conf` sets them up); ended by its PID.
public struct LoopbackRsyncDaemon: Sendable {
    /// The user both modules authenticate.
    public static let user = "pgpair"
    /// The user's password, as the client's password file holds it.
    public static let password = "not-on-any-command-line"

    /// The directory of the daemon's configuration, secrets and log.
    private let scratch: Scratch
    /// The running `rsync --daemon`.
    private let process: Process
    /// The TCP port it listens on at 127.0.0.1.
    public let port: Int

    /// The module as an rsync destination.
    public var module: String { "rsync://\(Self.user)@127.0.0.1:\(port)/pgpair-staging" }
    /// The read-only data module as an rsync source (`rsync_source`).
    public var dataModule: String { "rsync://\(Self.user)@127.0.0.1:\(port)/pgpair-data" }
    /// The client's password file (mode 0600).
    public var passwordFile: String { "\(scratch.path)/client.secret" }

    /// Starts a daemon serving `snapshots` as `pgpair-staging` and, when given, `dataDirectory` as `pgpair-data`;
    /// records an issue and throws when it does not come up.
    public static func start(serving snapshots: String, exporting dataDirectory: String? = nil) async throws
        -> LoopbackRsyncDaemon
    {
        let scratch = try Scratch("pgpair-synctest-rsyncd")
        let port = Int.random(in: 20_000...29_999)
        try write("\(user):\(password)\n", to: "\(scratch.path)/rsyncd.secrets")
        try write("\(password)\n", to: "\(scratch.path)/client.secret")
        let secrets = "\(scratch.path)/rsyncd.secrets"
        let staging = module("pgpair-staging", path: snapshots, readOnly: false, secrets: secrets)
        let data = dataDirectory.map { directory in
            module(
                "pgpair-data", path: directory, readOnly: true, secrets: secrets,
                exclude: "/postmaster.pid /postmaster.opts")
        }
        try write("use chroot = no\n" + staging + (data ?? ""), to: "\(scratch.path)/rsyncd.conf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/rsync")
        process.arguments = [
            "--daemon", "--no-detach", "--config=\(scratch.path)/rsyncd.conf", "--address=127.0.0.1",
            "--port=\(port)", "--log-file=\(scratch.path)/rsyncd.log",
        ]
        try process.run()
        let daemon = LoopbackRsyncDaemon(scratch: scratch, process: process, port: port)
        for _ in 0..<500 where !daemon.log.contains("listening on port") && process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        guard daemon.log.contains("listening on port") else {
            daemon.stop()
            Issue.record("the rsync daemon did not start: \(daemon.log)")
            throw CancellationError()
        }
        return daemon
    }

    /// The daemon's log file.
    public var log: String {
        (try? String(contentsOfFile: "\(scratch.path)/rsyncd.log", encoding: .utf8)) ?? ""
    }

    /// Ends the daemon by its PID and removes its directory.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        scratch.remove()
    }

    /// A module as `etc/rsyncd.conf` writes `pgpair-staging` (read-write) and `pgpair-data` (read-only, the
    /// postmaster's own files excluded): authenticated, for 127.0.0.1 only.
    private static func module(
        _ name: String, path: String, readOnly: Bool, secrets: String, exclude: String? = nil
    ) -> String {
        let settings =
            [
                "path = \(path)", "read only = \(readOnly)", "uid = root", "gid = root", "auth users = \(user)",
                "secrets file = \(secrets)", "hosts allow = 127.0.0.1",
            ] + (exclude.map { ["exclude = \($0)"] } ?? [])
        return "[\(name)]\n" + settings.map { "    \($0)\n" }.joined()
    }

    private static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
    }
}
