import CLibSSH2
import Foundation

/// The key a host presented in the handshake.
struct SSHHostKey {
    /// The key blob, as known_hosts stores it (base64-decoded).
    var key: [CChar]
    /// libssh2's `LIBSSH2_HOSTKEY_TYPE_…`.
    var type: Int32
    /// `SHA256:…`, as `ssh-keygen -l` and OpenSSH's messages show it.
    var fingerprint: String

    /// The name of the key's type, as in a known_hosts line.
    var typeName: String {
        Self.algorithms[type]?.first ?? "unknown key type \(type)"
    }

    /// The `LIBSSH2_KNOWNHOST_KEY_…` bits for this key's type, so that only entries of the same type are compared.
    var knownHostTypeMask: Int32 {
        switch type {
        case LIBSSH2_HOSTKEY_TYPE_RSA: return LIBSSH2_KNOWNHOST_KEY_SSHRSA
        case LIBSSH2_HOSTKEY_TYPE_DSS: return LIBSSH2_KNOWNHOST_KEY_SSHDSS
        case LIBSSH2_HOSTKEY_TYPE_ECDSA_256: return LIBSSH2_KNOWNHOST_KEY_ECDSA_256
        case LIBSSH2_HOSTKEY_TYPE_ECDSA_384: return LIBSSH2_KNOWNHOST_KEY_ECDSA_384
        case LIBSSH2_HOSTKEY_TYPE_ECDSA_521: return LIBSSH2_KNOWNHOST_KEY_ECDSA_521
        case LIBSSH2_HOSTKEY_TYPE_ED25519: return LIBSSH2_KNOWNHOST_KEY_ED25519
        default: return LIBSSH2_KNOWNHOST_KEY_UNKNOWN
        }
    }

    /// The host key algorithms that present a key of each known_hosts key type (`LIBSSH2_KNOWNHOST_KEY_…` bits).
    static let algorithmsByKnownHostType: [Int32: [String]] = [
        LIBSSH2_KNOWNHOST_KEY_SSHRSA: algorithms[LIBSSH2_HOSTKEY_TYPE_RSA]!,
        LIBSSH2_KNOWNHOST_KEY_SSHDSS: algorithms[LIBSSH2_HOSTKEY_TYPE_DSS]!,
        LIBSSH2_KNOWNHOST_KEY_ECDSA_256: algorithms[LIBSSH2_HOSTKEY_TYPE_ECDSA_256]!,
        LIBSSH2_KNOWNHOST_KEY_ECDSA_384: algorithms[LIBSSH2_HOSTKEY_TYPE_ECDSA_384]!,
        LIBSSH2_KNOWNHOST_KEY_ECDSA_521: algorithms[LIBSSH2_HOSTKEY_TYPE_ECDSA_521]!,
        LIBSSH2_KNOWNHOST_KEY_ED25519: algorithms[LIBSSH2_HOSTKEY_TYPE_ED25519]!,
    ]

    private static let algorithms: [Int32: [String]] = [
        LIBSSH2_HOSTKEY_TYPE_RSA: ["ssh-rsa", "rsa-sha2-512", "rsa-sha2-256"],
        LIBSSH2_HOSTKEY_TYPE_DSS: ["ssh-dss"],
        LIBSSH2_HOSTKEY_TYPE_ECDSA_256: ["ecdsa-sha2-nistp256"],
        LIBSSH2_HOSTKEY_TYPE_ECDSA_384: ["ecdsa-sha2-nistp384"],
        LIBSSH2_HOSTKEY_TYPE_ECDSA_521: ["ecdsa-sha2-nistp521"],
        LIBSSH2_HOSTKEY_TYPE_ED25519: ["ssh-ed25519"],
    ]

    /// The key of a session whose handshake is done.
    static func presented(by session: OpaquePointer) -> SSHHostKey? {
        var length = 0
        var type: Int32 = 0
        guard let key = libssh2_session_hostkey(session, &length, &type), length > 0 else { return nil }
        var fingerprint = "unknown"
        if let hash = libssh2_hostkey_hash(session, LIBSSH2_HOSTKEY_HASH_SHA256) {
            let bytes = UnsafeRawBufferPointer(start: hash, count: 32)
            let encoded = Data(bytes).base64EncodedString()
            fingerprint = "SHA256:" + encoded.replacingOccurrences(of: "=", with: "")
        }
        return SSHHostKey(
            key: Array(UnsafeBufferPointer(start: key, count: length)), type: type, fingerprint: fingerprint)
    }
}
