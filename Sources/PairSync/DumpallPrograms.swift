import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs PostgreSQL's programs for a pg_dumpall round as `pg_user` (PostgreSQL refuses to run as root, and the
/// staging cluster's files must be `pg_user`'s), each as a ``ChildProcess``: argument arrays, a timeout, a bounded
/// output capture, its process group torn down on cancellation.
///
/// When pgpair runs as root, the program is started through a second `setpriv` that switches to `pg_user` and sets
/// the parent-death signal again: the kernel clears that signal when a process changes its user, so the one the
/// outer `setpriv` set would not survive the switch.
struct DumpallPrograms: Sendable {
    let settings: DumpallRoundSettings
    let owner: (uid: uid_t, gid: gid_t)
    let processes: ChildProcess

    /// `pg_user`'s IDs; throws `.notConfigured` when pgpair can run nothing as `pg_user`.
    init(settings: DumpallRoundSettings) throws(SyncError) {
        guard let user = getpwnam(settings.user)?.pointee else {
            throw SyncError(.notConfigured, "pg_user \(settings.user) is not a user on this node")
        }
        guard getuid() == 0 || getuid() == user.pw_uid else {
            throw SyncError(
                .notConfigured, "a pg_dumpall round runs as root or as pg_user \(settings.user), not as uid \(getuid())"
            )
        }
        self.settings = settings
        owner = (user.pw_uid, user.pw_gid)
        processes = ChildProcess(setpriv: settings.setpriv)
    }

    /// Runs `program` (from `pg_bindir`) as `pg_user` to its end; a non-zero exit is a result.
    func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], outputLimit: Int = 64 * 1024
    ) async throws(SyncError) -> ChildProcess.Outcome {
        let path = settings.program(program)
        let command =
            getuid() == 0
            ? (
                settings.setpriv,
                [
                    "--reuid=\(settings.user)", "--regid=\(owner.gid)", "--init-groups", "--pdeathsig", "KILL", "--",
                    path,
                ]
                    + arguments
            )
            : (path, arguments)
        return try await processes.run(
            ChildProcess.Command(
                executable: command.0, arguments: command.1, environment: environment, timeout: settings.stepTimeout,
                outputLimit: outputLimit))
    }

    /// Runs `program` as ``run(_:_:environment:outputLimit:)`` does, but in a task of its own, so that cancelling the
    /// round does not cut it short; throws `.cancelled` after it ends if the round was cancelled meanwhile. For
    /// `pg_ctl start`: cut short, it would leave a postmaster starting that has not yet written the
    /// `postmaster.pid` the cleanup looks for.
    func runUncancelled(_ program: String, _ arguments: [String]) async throws(SyncError) -> ChildProcess.Outcome {
        let result = await Task.detached { () async -> Result<ChildProcess.Outcome, SyncError> in
            do throws(SyncError) {
                return .success(try await run(program, arguments))
            } catch {
                return .failure(error)
            }
        }.value
        let outcome = try result.get()
        if Task.isCancelled { throw SyncError(.cancelled, "the round was cancelled") }
        return outcome
    }

    /// Gives `path` to `pg_user`.
    func own(_ path: String) throws(SyncError) {
        guard chown(path, owner.uid, owner.gid) == 0 || getuid() == owner.uid else {
            throw SyncError(
                .fileSystem, "cannot give \(path) to pg_user \(settings.user): \(String(cString: strerror(errno)))")
        }
    }
}
