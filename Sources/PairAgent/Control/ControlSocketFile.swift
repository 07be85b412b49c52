import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// The control socket's file: its directory, a check that no other agent owns it, its mode and group.
enum ControlSocketFile {
    /// Creates the socket's directory (mode 0755) when missing, and refuses when another agent answers there.
    static func prepare(path: String, eventLoopGroup: any EventLoopGroup) async throws {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty, mkdir(directory, 0o755) != 0, errno != EEXIST {
            throw ControlSocketError(
                .cannotCreate, "cannot create the control socket's directory \(directory): \(errorText(errno))")
        }
        let answered: Bool
        do {
            let channel = try await ClientBootstrap(group: eventLoopGroup).connect(unixDomainSocketPath: path).get()
            try? await channel.close()
            answered = true
        } catch {
            answered = false
        }
        if answered {
            throw ControlSocketError(
                .alreadyInUse,
                "another agent already answers on \(path); stop it first (only one agent may run per node)")
        }
    }

    /// Gives the socket mode 0600, or 0660 with group `groupID`.
    static func restrict(path: String, groupID: UInt32?) throws {
        if let groupID {
            guard chown(path, geteuid(), groupID) == 0, chmod(path, 0o660) == 0 else {
                throw ControlSocketError(.cannotCreate, "cannot set the group of \(path): \(errorText(errno))")
            }
        } else if chmod(path, 0o600) != 0 {
            throw ControlSocketError(.cannotCreate, "cannot set the mode of \(path): \(errorText(errno))")
        }
    }

    /// Renames the bound socket from `temporaryPath` to `path`, replacing a stale socket left by a dead agent.
    static func moveIntoPlace(_ temporaryPath: String, _ path: String) throws {
        guard rename(temporaryPath, path) == 0 else {
            throw ControlSocketError(.cannotCreate, "cannot move the control socket to \(path): \(errorText(errno))")
        }
    }

    /// Removes the socket file, if it is still there.
    static func remove(_ path: String) {
        unlink(path)
    }

    /// The id of the group `name`; an error naming it when there is no such group.
    static func groupID(named name: String) throws -> UInt32 {
        guard let entry = getgrnam(name) else {
            throw ControlSocketError(
                .noSuchGroup,
                "control_socket_group `\(name)` is not a group on this machine; create it or remove the line")
        }
        return entry.pointee.gr_gid
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
