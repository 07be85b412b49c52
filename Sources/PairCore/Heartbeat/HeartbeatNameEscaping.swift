/// How node and group names travel in a field value: bytes that would split a value or a line (`%`, `,`, `=`,
/// blanks and ASCII control characters) are written `%XX`, everything else as it is. A name such as
/// `10.0.0.100` or `castor` is written unchanged; a group named after a script with options
/// (`Filesystem::/dev/sdb1::/data::ext4::rw,noatime`) keeps its comma as `%2C`.
enum HeartbeatNameEscaping {
    /// The name as written in a value.
    static func escape(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            if needsEscape(byte) {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(contentsOf: HexEncoding.encode([byte], uppercase: true).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The name a value holds; nil when the value has an unescaped `,`, `=` or blank, a bad `%` escape, or stands
    /// for an empty name, invalid UTF-8 or a name with a control character.
    static func unescape(_ value: Substring) -> String? {
        var bytes: [UInt8] = []
        var input = value.utf8[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard input.count >= 2, let decoded = HexEncoding.decode(input.prefix(2)) else { return nil }
                bytes.append(contentsOf: decoded)
                input = input.dropFirst(2)
            } else if needsEscape(byte) {
                return nil
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.isEmpty, let name = String(validating: bytes, as: UTF8.self),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return name
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "%") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "=")
    }
}
