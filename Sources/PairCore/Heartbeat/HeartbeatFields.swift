/// The `name=value` lines of an authenticated message body, and the message they describe.
struct HeartbeatFields {
    typealias Field = HeartbeatWireFormat.Field

    /// Every field by name; unknown ones included (and ignored by `message()`).
    private(set) var values: [String: String] = [:]

    /// Reads the lines after `>>>` of `body` (which ends with a newline): they must be UTF-8 without control
    /// characters, each `name=value` with a field name of lower-case letters, digits and `_`, no name twice.
    init(body: ArraySlice<UInt8>) throws(HeartbeatRejection) {
        guard String(validating: body, as: UTF8.self) != nil else {
            throw .malformed("not UTF-8")
        }
        // Split the bytes, not the characters: "\r\n" is one Character. Line 1 is `>>>`; the split leaves an
        // empty piece after the body's last newline.
        let lines = body.split(separator: HeartbeatWireFormat.newline, omittingEmptySubsequences: false)
            .dropFirst().dropLast()
        for (offset, bytes) in lines.enumerated() {
            let number = offset + 2
            let line = String(decoding: bytes, as: UTF8.self)
            if line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .malformed("line \(number) holds a control character")
            }
            guard let equals = line.utf8.firstIndex(of: HeartbeatWireFormat.equals), Self.isFieldName(line[..<equals])
            else {
                throw .malformed("line \(number) is not `name=value`")
            }
            let name = String(line[..<equals])
            guard values[name] == nil else {
                throw .malformed("field `\(name)` appears twice")
            }
            values[name] = String(line[line.utf8.index(after: equals)...])
        }
    }

    /// The message the fields describe; the protocol version is checked before any other field.
    func message() throws(HeartbeatRejection) -> HeartbeatMessage {
        let versionText = try required(Field.protocolVersion)
        guard let version = Self.unsigned(versionText[...]) else {
            throw .malformed("`\(Field.protocolVersion)=\(Self.quoted(versionText))` is not a protocol version")
        }
        guard version == UInt64(PairCoreVersion.protocolVersion) else {
            throw .malformed(
                "protocol version \(version) is not supported; this node speaks \(PairCoreVersion.protocolVersion)")
        }
        return HeartbeatMessage(
            protocolVersion: Int(version),
            sender: try nodeName(Field.sender),
            generation: try number(Field.generation),
            sequence: try number(Field.sequence),
            role: try role(),
            heldGroups: try groups(),
            epoch: try number(Field.epoch),
            copy: try copy(),
            deadtime: .milliseconds(Int64(try number(Field.deadtime, in: 0...UInt64(Int64.max)))),
            releasedGroups: try optionalGroups(Field.releasedGroups),
            requestedGroups: try optionalGroups(Field.requestedGroups),
            pingReachable: try pingReachable())
    }

    private func required(_ name: String) throws(HeartbeatRejection) -> String {
        guard let value = values[name] else { throw .malformed("missing field `\(name)`") }
        return value
    }

    private func number(_ name: String, in range: ClosedRange<UInt64> = 0...UInt64.max) throws(HeartbeatRejection)
        -> UInt64
    {
        let value = try required(name)
        guard let number = Self.unsigned(value[...]), range.contains(number) else {
            throw .malformed("`\(name)=\(Self.quoted(value))` is not a number\(Self.describe(range))")
        }
        return number
    }

    private func nodeName(_ name: String) throws(HeartbeatRejection) -> String {
        let value = try required(name)
        guard let node = HeartbeatNameEscaping.unescape(value[...]) else {
            throw .malformed("`\(name)=\(Self.quoted(value))` is not a node name")
        }
        return node
    }

    private func role() throws(HeartbeatRejection) -> NodeRole {
        let value = try required(Field.role)
        guard let role = NodeRole(rawValue: value) else {
            throw .malformed("`\(Field.role)=\(Self.quoted(value))` is not a role")
        }
        return role
    }

    private func groups() throws(HeartbeatRejection) -> [String] {
        try groupList(Field.heldGroups, value: try required(Field.heldGroups))
    }

    /// `ping=up|down`, which later versions added: absent means unknown.
    private func pingReachable() throws(HeartbeatRejection) -> Bool? {
        switch values[Field.ping] {
        case nil: return nil
        case "up": return true
        case "down": return false
        case let value?: throw .malformed("`\(Field.ping)=\(Self.quoted(value))` is not up or down")
        }
    }

    /// A group list that later versions added: absent means none, as from a sender that does not know it.
    private func optionalGroups(_ name: String) throws(HeartbeatRejection) -> [String] {
        guard let value = values[name] else { return [] }
        return try groupList(name, value: value)
    }

    private func groupList(_ name: String, value: String) throws(HeartbeatRejection) -> [String] {
        guard !value.isEmpty else { return [] }
        var groups: [String] = []
        for item in Self.commaSeparated(value) {
            guard let group = HeartbeatNameEscaping.unescape(item) else {
                throw .malformed("`\(name)=\(Self.quoted(value))` holds an empty or invalid group name")
            }
            groups.append(group)
        }
        return groups
    }

    private func copy() throws(HeartbeatRejection) -> SyncStamp? {
        let value = try required(Field.copy)
        guard value != HeartbeatWireFormat.noCopy else { return nil }
        let parts = Self.commaSeparated(value)
        guard parts.count == 3, let started = Self.signed(parts[0]), let finished = Self.signed(parts[1]),
            let epoch = Self.unsigned(parts[2])
        else {
            throw .malformed(
                "`\(Field.copy)=\(Self.quoted(value))` is neither `none` nor `STARTED_MS,FINISHED_MS,EPOCH`")
        }
        return SyncStamp(startedAt: started, finishedAt: finished, epoch: epoch)
    }

    /// ` from 0 to N` for a range narrower than UInt64's; nothing otherwise.
    private static func describe(_ range: ClosedRange<UInt64>) -> String {
        range == 0...UInt64.max ? "" : " from \(range.lowerBound) to \(range.upperBound)"
    }

    /// The pieces between commas, split on bytes (a comma followed by a combining mark is one Character).
    private static func commaSeparated(_ value: String) -> [Substring] {
        value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Decimal digits only (no sign, no blank), within UInt64.
    private static func unsigned(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return UInt64(text)
    }

    /// Decimal digits with an optional leading `-`, within Int64.
    private static func signed(_ text: Substring) -> Int64? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text
        guard unsigned(digits) != nil else { return nil }
        return Int64(text)
    }

    private static func isFieldName(_ name: Substring) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            }
    }

    /// A value for a reason: at most 40 characters, so a long field cannot flood the log.
    private static func quoted(_ value: String) -> String {
        value.count <= 40 ? value : value.prefix(40) + "…"
    }
}
