import CLibSSH2

/// A known_hosts file read through libssh2 (`libssh2_knownhost_*`), for one session.
final class SSHKnownHosts {
    private let hosts: OpaquePointer
    private let path: String
    /// The list lives in the session's memory: the session must outlive it.
    private let owner: SSHSession

    /// Reads `path` for `owner`'s `session`; throws when it cannot be read or parsed (then no host is trusted).
    init(path: String, session: OpaquePointer, owner: SSHSession) throws(SSHError) {
        guard let hosts = libssh2_knownhost_init(session) else {
            throw SSHError(.libraryFailed, "libssh2 cannot hold a known_hosts list (out of memory?)")
        }
        let read = libssh2_knownhost_readfile(hosts, path, LIBSSH2_KNOWNHOST_FILE_OPENSSH)
        guard read >= 0 else {
            libssh2_knownhost_free(hosts)
            throw SSHError(
                .knownHostsUnreadable,
                "cannot read the known_hosts file \(path): \(SSHSession.lastError(of: session)); it must exist "
                    + "and hold OpenSSH known_hosts lines (e.g. from `ssh-keyscan -t ed25519 HOST`)")
        }
        self.hosts = hosts
        self.path = path
        self.owner = owner
    }

    deinit {
        libssh2_knownhost_free(hosts)
    }

    /// The host key algorithms whose key types the file holds for `host` (entries with a hashed name count for
    /// every host), so the handshake asks for a key that can be checked.
    func algorithms(for host: String, port: UInt16) -> [String] {
        let names: Set<String> = [host, "[\(host)]:\(port)"]
        var algorithms: [String] = []
        var previous: UnsafeMutablePointer<libssh2_knownhost>?
        var entry: UnsafeMutablePointer<libssh2_knownhost>?
        while libssh2_knownhost_get(hosts, &entry, previous) == 0, let current = entry {
            previous = current
            let hashed = current.pointee.name == nil
            guard hashed || names.contains(String(cString: current.pointee.name)) else { continue }
            let type = current.pointee.typemask & LIBSSH2_KNOWNHOST_KEY_MASK
            for algorithm in SSHHostKey.algorithmsByKnownHostType[type] ?? [] where !algorithms.contains(algorithm) {
                algorithms.append(algorithm)
            }
        }
        return algorithms
    }

    /// Checks the key `host` presented against the file; throws unless it is there for that host, of that type.
    func check(_ key: SSHHostKey, host: String, port: UInt16) throws(SSHError) {
        let mask = LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | key.knownHostTypeMask
        let result = key.key.withUnsafeBufferPointer { blob in
            libssh2_knownhost_checkp(hosts, host, Int32(port), blob.baseAddress, blob.count, mask, nil)
        }
        let presented = "\(host) presented the \(key.typeName) key \(key.fingerprint)"
        switch result {
        case LIBSSH2_KNOWNHOST_CHECK_MATCH:
            return
        case LIBSSH2_KNOWNHOST_CHECK_MISMATCH:
            throw SSHError(
                .hostKeyMismatch,
                "\(presented), which differs from its key in \(path): someone may be impersonating the host, or "
                    + "its key changed; check the host's key out of band, then correct \(path)")
        case LIBSSH2_KNOWNHOST_CHECK_NOTFOUND:
            throw SSHError(
                .hostKeyUnknown,
                "\(presented), which is not in \(path); after checking that fingerprint on the host itself "
                    + "(`ssh-keygen -lf` on its host key), add the host's key to \(path)")
        default:
            throw SSHError(.knownHostsUnreadable, "cannot check \(host)'s key against \(path)")
        }
    }
}
