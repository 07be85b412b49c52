extension HeartbeatCodec {
    /// The message in `bytes`, or why it is rejected.
    ///
    /// In order: the size limit, the `>>>` and `<<<` lines, the `auth=` line, the signature (so nothing of an
    /// unauthenticated message is read further), then UTF-8, control characters, the `name=value` lines and the
    /// fields. Unknown fields are ignored; they are covered by the signature all the same.
    public func decode(_ bytes: some Collection<UInt8>) -> Result<HeartbeatMessage, HeartbeatRejection> {
        let size = bytes.count
        guard size <= Self.maximumMessageSize else {
            return .failure(.malformed("oversized: \(size) bytes, more than the limit of \(Self.maximumMessageSize)"))
        }
        let bytes = Array(bytes)
        return Result { () throws(HeartbeatRejection) -> HeartbeatMessage in
            let (body, authLine) = try Self.split(bytes)
            try authenticate(body, authLine: authLine)
            return try HeartbeatFields(body: body).message()
        }
    }

    /// The signed body (from `>>>` up to and including the newline before `auth=`) and the `auth=` line's bytes.
    private static func split(_ bytes: [UInt8]) throws(HeartbeatRejection) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        let start = HeartbeatWireFormat.startLine + [HeartbeatWireFormat.newline]
        let end = [HeartbeatWireFormat.newline] + HeartbeatWireFormat.endLine + [HeartbeatWireFormat.newline]
        guard bytes.starts(with: start) else {
            throw .malformed(bytes.isEmpty ? "empty message" : "does not start with a `>>>` line")
        }
        guard bytes.count >= start.count + end.count - 1, bytes.suffix(end.count).elementsEqual(end) else {
            throw .malformed("truncated: it does not end with a `<<<` line")
        }
        // The newline that ends the auth line is the first byte of `end`; the line starts after the one before.
        let authLineEnd = bytes.count - end.count
        let authLineStart = (bytes[..<authLineEnd].lastIndex(of: HeartbeatWireFormat.newline) ?? 0) + 1
        let authLine = bytes[authLineStart..<authLineEnd]
        guard authLine.starts(with: HeartbeatWireFormat.authPrefix) else {
            throw .malformed("the line before `<<<` is not an `auth=` line")
        }
        return (bytes[..<authLineStart], authLine.dropFirst(HeartbeatWireFormat.authPrefix.count))
    }

    /// Checks `auth=KEYID CODE` against the body with the key authkeys lists under KEYID.
    private func authenticate(_ body: ArraySlice<UInt8>, authLine: ArraySlice<UInt8>) throws(HeartbeatRejection) {
        let parts = authLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .malformed("bad `auth=` line: write `auth=KEYID CODE`")
        }
        guard parts[0].count <= 2, parts[0].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let id = Int(String(decoding: parts[0], as: UTF8.self)), AuthKeys.validIDs.contains(id)
        else {
            throw .malformed("bad `auth=` line: the key id is not a number from 1 to 15")
        }
        guard !parts[1].isEmpty, let code = HexEncoding.decode(parts[1]) else {
            throw .malformed("bad `auth=` line: the code is not hexadecimal")
        }
        guard let key = keys.key(withID: id) else {
            throw .auth("signed with key \(id), which authkeys does not list")
        }
        guard code.count == HeartbeatSignature.length(of: key.method) else {
            throw .auth(
                "the code's length does not fit key \(id)'s method (\(key.method.rawValue)); do the nodes' authkeys "
                    + "differ?")
        }
        let expected = HeartbeatSignature.code(for: Array(body), key: key)
        guard HeartbeatSignature.constantTimeEqual(code, expected) else {
            throw .auth(
                "the code does not match key \(id) (\(key.method.rawValue)): another key, or an altered message")
        }
    }
}
