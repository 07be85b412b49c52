import Foundation
import PairTestSupport
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// A real OpenSSH server on 127.0.0.1 in the test's own network namespace, with its own configuration, host key
/// and authorized key, all in a temporary directory; ended by its PID.
struct LoopbackSSHServer {
    let directory: String
    /// sshd's PID. sshd is started with posix_spawn, not Foundation's `Process`: sshd closes every inherited
    /// descriptor at start, which Foundation takes for the child's exit, and its one process-manager thread then
    /// blocks in waitpid until sshd ends, stalling every other `Process` in the test run.
    let pid: pid_t
    let port: UInt16

    /// The user the tests log in as: the one running them (root: the tests build namespaces).
    var user: String { String(cString: getpwuid(geteuid()).pointee.pw_name) }
    /// A private key whose public half is authorized.
    var userKey: String { "\(directory)/user_key" }
    /// A private key the server does not know.
    var strangerKey: String { "\(directory)/stranger_key" }
    /// known_hosts with the server's key, as `ssh-keyscan` writes it for a port other than 22.
    var knownHosts: String { "\(directory)/known_hosts" }
    /// The SHA-256 fingerprint of the server's ed25519 key (the one known_hosts holds), as `ssh-keygen -l` shows it.
    func hostKeyFingerprint() async throws -> String {
        let result = try await Subprocess.run(
            .path(FilePath("/usr/bin/ssh-keygen")),
            arguments: ["-l", "-E", "sha256", "-f", "\(directory)/host_key.pub"],
            output: .string(limit: 1 << 16), error: .discarded)
        return String(result.standardOutput.split(separator: " ").dropFirst().first ?? "")
    }

    /// known_hosts without the server (another host's key only).
    var knownHostsWithoutServer: String { "\(directory)/known_hosts_without" }
    /// known_hosts with another key for the server.
    var knownHostsWithOtherKey: String { "\(directory)/known_hosts_other" }

    /// Starts a server, runs `body`, and always ends the server and removes its directory.
    static func with<T>(_ body: (LoopbackSSHServer) async throws -> T) async throws -> T {
        try requireIsolatedNetwork()
        let server = try await start()
        defer { server.stop() }
        return try await body(server)
    }

    private static func start() async throws -> LoopbackSSHServer {
        let directory = try Scratch("pgpair-sshtest").path
        // A second host key the known_hosts files never hold, of a type libssh2 prefers by default: the handshake
        // must ask for the type known_hosts holds.
        try await run(
            "/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-N", "", "-C", "ecdsa", "-f", "\(directory)/ecdsa_host_key"])
        for name in ["host_key", "other_host_key", "user_key", "stranger_key"] {
            try await run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", "\(directory)/\(name)"])
        }
        let port = UInt16.random(in: 30_000...39_999)
        let hostKey = try publicKey("\(directory)/host_key.pub")
        let otherKey = try publicKey("\(directory)/other_host_key.pub")
        try write(publicKeyLine("\(directory)/user_key.pub"), to: "\(directory)/authorized_keys")
        try write("[127.0.0.1]:\(port) \(hostKey)\n", to: "\(directory)/known_hosts")
        try write("[127.0.0.2]:\(port) \(hostKey)\n127.0.0.3 \(otherKey)\n", to: "\(directory)/known_hosts_without")
        try write("[127.0.0.1]:\(port) \(otherKey)\n", to: "\(directory)/known_hosts_other")
        try write(
            """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(directory)/ecdsa_host_key
            HostKey \(directory)/host_key
            AuthorizedKeysFile \(directory)/authorized_keys
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            PidFile none
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            LogLevel VERBOSE

            """, to: "\(directory)/sshd_config")
        // sshd's privilege-separation directory, which Debian's ssh.service creates (RuntimeDirectory=sshd).
        mkdir("/run/sshd", 0o755)
        let pid = try spawn(["/usr/sbin/sshd", "-D", "-f", "\(directory)/sshd_config", "-E", "\(directory)/sshd.log"])
        let server = LoopbackSSHServer(directory: directory, pid: pid, port: port)
        for _ in 0..<500 where !server.log.contains("Server listening") && server.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        guard server.log.contains("Server listening") else {
            server.stop()
            throw TestFailure("sshd did not start: \(server.log)")
        }
        return server
    }

    /// sshd's log.
    var log: String {
        (try? String(contentsOfFile: "\(directory)/sshd.log", encoding: .utf8)) ?? ""
    }

    /// True while sshd has not ended (it is reaped here once it has).
    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Ends the server by its PID, reaps it, and removes its directory.
    func stop() {
        if isRunning {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        // A connection's own sshd process outlives the listener for a moment and may write to the log while the
        // directory is being removed (then the directory stays, holding that log): remove again until it is gone.
        for _ in 0..<50 {
            try? FileManager.default.removeItem(atPath: directory)
            guard FileManager.default.fileExists(atPath: directory) else { return }
            usleep(100_000)
        }
    }

    /// Starts `arguments[0]` with `arguments` through posix_spawn, its standard descriptors on /dev/null.
    private static func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard result == 0 else {
            throw TestFailure("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// `TYPE BASE64` of a public key file (its comment left out).
    private static func publicKey(_ path: String) throws -> String {
        try publicKeyLine(path).split(separator: " ").prefix(2).joined(separator: " ")
    }

    private static func publicKeyLine(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
    }

    private static func run(_ program: String, _ arguments: [String]) async throws {
        let result = try await Subprocess.run(
            .path(FilePath(program)), arguments: Arguments(arguments), output: .discarded,
            error: .string(limit: 1 << 16))
        guard case .exited(0) = result.terminationStatus else {
            throw TestFailure("\(program) failed: \(result.standardError)")
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
