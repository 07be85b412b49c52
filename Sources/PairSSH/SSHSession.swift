import CLibSSH2
import Glibc

/// One libssh2 session in non-blocking mode over a socket it owns, used from one thread only (the exchange's, see
/// `SSHThread`): every call that would block returns `LIBSSH2_ERROR_EAGAIN`, and the session then waits for its
/// socket in `poll`, bounded by the exchange's deadline.
final class SSHSession {
    private let session: OpaquePointer
    private let descriptor: CInt
    private var clock: SSHClock

    /// A session over `descriptor` (connected, non-blocking), which it closes when it ends.
    init(descriptor: CInt, clock: SSHClock) throws(SSHError) {
        guard let session = pgpair_libssh2_session_init() else {
            close(descriptor)
            throw SSHError(.libraryFailed, "libssh2 cannot create a session (out of memory?)")
        }
        libssh2_session_set_blocking(session, 0)
        self.session = session
        self.descriptor = descriptor
        self.clock = clock
    }

    deinit {
        // Best effort and never waiting: the socket is shut down first, so what libssh2 still wants to send
        // fails at once instead of blocking, then the session (and its channels) and the socket go.
        _ = pgpair_libssh2_session_disconnect(session, "done")
        shutdown(descriptor, CInt(SHUT_RDWR))
        var attempts = 0
        while libssh2_session_free(session) == LIBSSH2_ERROR_EAGAIN, attempts < 100 {
            attempts += 1
        }
        close(descriptor)
    }

    /// Asks, in the key exchange, for the host key types `knownHosts` holds for the host.
    func preferHostKeys(_ algorithms: [String]) {
        guard !algorithms.isEmpty else { return }
        // A libssh2 build that supports none of them keeps its defaults; the check after the handshake decides.
        _ = libssh2_session_method_pref(session, LIBSSH2_METHOD_HOSTKEY, algorithms.joined(separator: ","))
    }

    /// The key exchange; returns the key the host presented.
    func handshake() throws(SSHError) -> SSHHostKey {
        let result = try retry("exchanging keys") { libssh2_session_handshake(session, descriptor) }
        guard result == 0, let key = SSHHostKey.presented(by: session) else {
            throw SSHError(.handshakeFailed, "the ssh handshake failed: \(Self.lastError(of: session))")
        }
        return key
    }

    /// Reads a known_hosts file for this session.
    func knownHosts(at path: String) throws(SSHError) -> SSHKnownHosts {
        try SSHKnownHosts(path: path, session: session, owner: self)
    }

    /// Public-key authentication with the private key at `keyPath` (its public half derived from it).
    func authenticate(user: String, keyPath: String) throws(SSHError) {
        let result = try retry("authenticating") {
            libssh2_userauth_publickey_fromfile_ex(session, user, UInt32(user.utf8.count), nil, keyPath, nil)
        }
        switch result {
        case 0:
            return
        case LIBSSH2_ERROR_FILE:
            throw SSHError(
                .authenticationFailed,
                "cannot use the key file \(keyPath): \(Self.lastError(of: session)); it must be a private key "
                    + "without a passphrase, readable by root")
        default:
            throw SSHError(
                .authenticationFailed,
                "the host refused the key \(keyPath) for \(user): \(Self.lastError(of: session)); add its public "
                    + "half to \(user)'s authorized_keys on the host")
        }
    }

    /// Runs `command` in a session channel (`exec`), reads its output (the first `outputLimit` bytes kept, the
    /// rest read and dropped so the host never stalls), and returns how it ended. A connection that breaks before
    /// the command's end is reported throws: whether it ran to its end is unknown.
    func execute(_ command: String, outputLimit: Int) throws(SSHError) -> (SSHCommandResult.Termination, String) {
        let channel = try openChannel()
        let started = try retry("starting the command") {
            libssh2_channel_process_startup(channel, "exec", 4, command, UInt32(command.utf8.count))
        }
        guard started == 0 else {
            throw SSHError(.channelFailed, "the host did not start the command: \(Self.lastError(of: session))")
        }
        let output = try readToEnd(channel, limit: outputLimit)
        for (step, call) in [
            ("closing the channel", libssh2_channel_close), ("waiting for its close", libssh2_channel_wait_closed),
        ] {
            guard try retry(step, { call(channel) }) == 0 else {
                throw SSHError(
                    .connectionLost, "the connection broke while \(step): \(Self.lastError(of: session))")
            }
        }
        return (termination(of: channel), output)
    }

    /// libssh2's `LIBSSH2_CHANNEL_WINDOW_DEFAULT`, `(2*1024*1024)`, a macro Swift does not import.
    private static let channelWindow: UInt32 = 2 * 1024 * 1024

    private func openChannel() throws(SSHError) -> OpaquePointer {
        clock.step = "opening a channel"
        while true {
            let channel = libssh2_channel_open_ex(
                session, "session", 7, Self.channelWindow, UInt32(LIBSSH2_CHANNEL_PACKET_DEFAULT),
                nil, 0)
            if let channel { return channel }
            guard libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN else {
                throw SSHError(
                    .channelFailed, "the host refused a session channel: \(Self.lastError(of: session))")
            }
            try waitForSocket()
        }
    }

    private func readToEnd(_ channel: OpaquePointer, limit: Int) throws(SSHError) -> String {
        clock.step = "running the command"
        var kept: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            var progressed = false
            var ended = true
            for stream in [Int32(0), Int32(SSH_EXTENDED_DATA_STDERR)] {
                let count = buffer.withUnsafeMutableBytes {
                    libssh2_channel_read_ex(channel, stream, $0.baseAddress, $0.count)
                }
                if count > 0 {
                    kept += buffer.prefix(min(count, max(0, limit - kept.count)))
                    progressed = true
                    ended = false
                } else if count == LIBSSH2_ERROR_EAGAIN {
                    ended = false
                } else if count < 0 {
                    throw SSHError(
                        .connectionLost,
                        "the connection broke while the command ran: \(Self.lastError(of: session)); whether it "
                            + "finished is unknown")
                }
            }
            if ended && libssh2_channel_eof(channel) == 1 { break }
            // Nothing read and no end yet: wait for the socket (one slice at most) rather than spin.
            if !progressed { try waitForSocket() }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// How the command ended: a signal when the host reported one, else the exit status it reported.
    private func termination(of channel: OpaquePointer) -> SSHCommandResult.Termination {
        var signal: UnsafeMutablePointer<CChar>?
        var length = 0
        if libssh2_channel_get_exit_signal(channel, &signal, &length, nil, nil, nil, nil) == 0, let signal {
            defer { libssh2_free(session, signal) }
            return .signalled(String(cString: signal))
        }
        return .exited(libssh2_channel_get_exit_status(channel))
    }

    /// Calls `call` until it no longer answers `LIBSSH2_ERROR_EAGAIN`, waiting for the socket in between.
    private func retry(_ step: String, _ call: () -> Int32) throws(SSHError) -> Int32 {
        clock.step = step
        while true {
            let result = call()
            guard result == LIBSSH2_ERROR_EAGAIN else { return result }
            try waitForSocket()
        }
    }

    private func waitForSocket() throws(SSHError) {
        let directions = libssh2_session_block_directions(session)
        var events: Int16 = 0
        if directions & LIBSSH2_SESSION_BLOCK_INBOUND != 0 { events |= Int16(POLLIN) }
        if directions & LIBSSH2_SESSION_BLOCK_OUTBOUND != 0 { events |= Int16(POLLOUT) }
        try clock.wait(for: descriptor, events: events == 0 ? Int16(POLLIN) : events)
    }

    /// libssh2's message for the session's last error.
    static func lastError(of session: OpaquePointer) -> String {
        var message: UnsafeMutablePointer<CChar>?
        var length: Int32 = 0
        let code = libssh2_session_last_error(session, &message, &length, 0)
        guard let message, length > 0 else { return "libssh2 error \(code)" }
        return String(cString: message)
    }
}
