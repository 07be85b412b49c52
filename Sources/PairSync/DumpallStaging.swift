import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A pg_dumpall round's private directory, `snapshot_dir/dumpall-staging-XXXXXX` (owned by `pg_user`, mode 0700):
/// the dump file, the staging cluster's data directory (`data`, renamed to a snapshot once restored and stopped),
/// its server log, and its socket. Being inside `snapshot_dir` keeps the dump on the standby's data disk (not on a
/// `/tmp` that may be memory) and makes publishing a rename.
///
/// The staging cluster listens on no TCP address, only on a socket in this directory, which nobody but `pg_user`
/// (and root) can enter. Those settings go into its `postgresql.auto.conf` for the restore and are taken out again
/// before it is published, so the snapshot does not carry them; `pg_ctl -o` would hand them to a shell.
struct DumpallStaging {
    /// The name prefix of a round's directory; anything else in `snapshot_dir` is never taken for one.
    static let namePrefix = "dumpall-staging-"
    /// The staging cluster's settings file, and the dump's.
    static let autoConfName = "postgresql.auto.conf"
    static let dumpName = "pg_dumpall.sql"

    let path: String
    let port: UInt16

    var dataDirectory: String { "\(path)/data" }
    var dumpFile: String { "\(path)/\(Self.dumpName)" }
    var serverLog: String { "\(path)/server.log" }
    var socketDirectory: String { path }

    /// Makes a new round directory in `directory` for `programs`' `pg_user`.
    static func create(in directory: String, port: UInt16, programs: DumpallPrograms) throws(SyncError) -> Self {
        try checkSearchable(directory, by: programs)
        var template = Array("\(directory)/\(namePrefix)XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SyncError(.fileSystem, "cannot create a staging directory in \(directory): \(Self.errorText())")
        }
        let staging = Self(path: String(cString: made), port: port)
        try programs.own(staging.path)
        // A unix socket's path holds at most 107 bytes; PostgreSQL also makes `.s.PGSQL.PORT.lock` beside it.
        let socket = "\(staging.socketDirectory)/.s.PGSQL.\(port).lock"
        guard socket.utf8.count <= 107 else {
            staging.removeDirectory()
            throw SyncError(
                .notConfigured,
                "snapshot_dir \(directory) is too long a path for the staging cluster's socket (\(socket) passes "
                    + "107 bytes); choose a shorter snapshot_dir")
        }
        return staging
    }

    /// The round directories earlier rounds left in `directory` (killed before they could remove them).
    static func leftovers(in directory: String, port: UInt16) -> [Self] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(namePrefix) }.sorted().map { Self(path: "\(directory)/\($0)", port: port) }
    }

    /// `pg_user` must be able to enter `snapshot_dir` to reach the round's directory.
    private static func checkSearchable(_ directory: String, by programs: DumpallPrograms) throws(SyncError) {
        var status = stat()
        guard stat(directory, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw SyncError(.notConfigured, "snapshot_dir \(directory) is not a directory on this node")
        }
        let mode = status.st_mode
        let searchable =
            (status.st_uid == programs.owner.uid && mode & S_IXUSR != 0)
            || (status.st_gid == programs.owner.gid && mode & S_IXGRP != 0) || mode & S_IXOTH != 0
        guard searchable || getuid() == programs.owner.uid else {
            throw SyncError(
                .notConfigured,
                "pg_user \(programs.settings.user) cannot enter snapshot_dir \(directory), where a pg_dumpall round "
                    + "builds its staging cluster; give it to pg_user or make it searchable (mode 0711)")
        }
    }

    /// initdb's the staging cluster.
    func initialize(_ programs: DumpallPrograms) async throws(SyncError) {
        let outcome = try await programs.run(
            "initdb", ["--pgdata=\(dataDirectory)", "--no-instructions"] + programs.settings.initdbOptions)
        guard outcome.exitStatus == 0 else {
            throw SyncError(.postgresFailed, "initdb of the staging cluster failed (\(outcome.summary))")
        }
    }

    /// Starts the staging cluster on its private socket; returns what its `postgresql.auto.conf` held before.
    func start(_ programs: DumpallPrograms) async throws(SyncError) -> Data {
        let file = "\(dataDirectory)/\(Self.autoConfName)"
        guard let original = FileManager.default.contents(atPath: file) else {
            throw SyncError(.fileSystem, "cannot read the staging cluster's \(file)")
        }
        let settings = """

            # pgpair: the staging cluster of a pg_dumpall round, only for the restore (removed before publishing)
            listen_addresses = ''
            port = \(port)
            unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'
            # A restore that fails is thrown away, so it need not survive a crash: no fsync, no WAL beyond the
            # minimum. The stop makes the cluster durable (a clean shutdown, then initdb --sync-only).
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            wal_level = minimal
            max_wal_senders = 0
            autovacuum = off
            max_wal_size = '4GB'

            """
        try write(original + Data(settings.utf8), to: file)
        let outcome = try await programs.runUncancelled(
            "pg_ctl", ["start", "--pgdata=\(dataDirectory)", "--log=\(serverLog)", "--wait", "--timeout=300"])
        guard outcome.exitStatus == 0 else {
            throw SyncError(
                .postgresFailed, "the staging cluster did not start (\(outcome.summary)); see its log \(serverLog)")
        }
        return original
    }

    /// Stops the staging cluster cleanly (a fast shutdown ends with a checkpoint), puts back its
    /// `postgresql.auto.conf`, and flushes every file of it to disk (`initdb --sync-only`): the restore ran with
    /// `fsync = off`, so until then its files may sit in the page cache only.
    func stop(_ programs: DumpallPrograms, autoConf original: Data) async throws(SyncError) {
        let outcome = try await programs.run(
            "pg_ctl", ["stop", "--pgdata=\(dataDirectory)", "--mode=fast", "--wait", "--timeout=300"])
        guard outcome.exitStatus == 0, !isRunning else {
            throw SyncError(.postgresFailed, "the staging cluster did not stop cleanly (\(outcome.summary))")
        }
        try write(original, to: "\(dataDirectory)/\(Self.autoConfName)")
        let flushed = try await programs.run("initdb", ["--sync-only", "--pgdata=\(dataDirectory)"])
        guard flushed.exitStatus == 0 else {
            throw SyncError(
                .fileSystem, "the restored staging cluster could not be flushed to disk (\(flushed.summary))")
        }
    }

    /// Whether the staging cluster may still run (its `postmaster.pid` is there).
    var isRunning: Bool {
        FileManager.default.fileExists(atPath: "\(dataDirectory)/postmaster.pid")
    }

    /// Stops the staging cluster if it may run (immediately: it is thrown away) and removes the directory. Never
    /// throws: what cannot be removed now (a server that does not stop) is a leftover the next round tries again.
    func discard(_ programs: DumpallPrograms) async {
        if isRunning {
            _ = try? await programs.run(
                "pg_ctl", ["stop", "--pgdata=\(dataDirectory)", "--mode=immediate", "--wait", "--timeout=60"])
        }
        if isRunning {
            // A postmaster that died without removing its postmaster.pid (killed with the machine, or by the OOM
            // killer) leaves a file that no stop removes; `pg_ctl status` answers 3 when no server runs.
            let status = try? await programs.run("pg_ctl", ["status", "--pgdata=\(dataDirectory)"])
            guard status?.exitStatus == 3 else { return }
        }
        removeDirectory()
    }

    private func removeDirectory() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Rewrites `file` in place, so it keeps its owner and mode.
    private func write(_ data: Data, to file: String) throws(SyncError) {
        let descriptor = open(file, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw SyncError(.fileSystem, "cannot write \(file): \(Self.errorText())") }
        defer { close(descriptor) }
        var bytes = [UInt8](data)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw SyncError(.fileSystem, "cannot write \(file): \(Self.errorText())") }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
