import Crypto

/// Computes and checks the code of a message's `auth=` line with an authkeys key.
enum HeartbeatSignature {
    /// The code of `bytes` under `key`: HMAC-SHA-256, HMAC-SHA-1 or HMAC-MD5 keyed with the key's bytes, or the
    /// CRC-32 for `crc`. An HMAC key without a secret (authkeys never gives one) is keyed with no bytes.
    static func code(for bytes: [UInt8], key: AuthKey) -> [UInt8] {
        let secret = SymmetricKey(data: key.secret?.bytes ?? [])
        switch key.method {
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: bytes, using: secret))
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: bytes, using: secret))
        case .md5: return Array(HMAC<Insecure.MD5>.authenticationCode(for: bytes, using: secret))
        case .crc: return CRC32.checksumBytes(bytes)
        }
    }

    /// The length in bytes of a code made with `method`.
    static func length(of method: AuthMethod) -> Int {
        switch method {
        case .sha256: return 32
        case .sha1: return 20
        case .md5: return 16
        case .crc: return 4
        }
    }

    /// True when the codes are equal; the time taken depends only on their lengths, not on where they differ.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
