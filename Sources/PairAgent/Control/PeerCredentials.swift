import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads who is on the other end of a Unix socket connection.
enum PeerCredentials {
    /// The kernel's `SO_PEERCRED` for `channel`.
    static func of(_ channel: any Channel) async throws -> ControlClientCredentials {
        guard let provider = channel as? any SocketOptionProvider else {
            throw ControlSocketError(.badResponse, "the connection does not expose peer credentials")
        }
        let credentials: KernelPeerCredentials = try await provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED)
        ).get()
        return ControlClientCredentials(
            processID: credentials.pid, userID: credentials.uid, groupID: credentials.gid)
    }

    /// `struct ucred` of <sys/socket.h> (pid_t, uid_t, gid_t), which Glibc's Swift module hides behind _GNU_SOURCE.
    private struct KernelPeerCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The supplementary groups of process `processID`, from `/proc/PID/status`; empty when unreadable.
    static func supplementaryGroups(of processID: Int32) -> [UInt32] {
        guard let file = fopen("/proc/\(processID)/status", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("Groups:") else { continue }
            return text.dropFirst("Groups:".count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .compactMap { UInt32($0) }
        }
        return []
    }
}
