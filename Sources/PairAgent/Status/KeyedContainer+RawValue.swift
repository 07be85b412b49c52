extension KeyedDecodingContainer {
    /// Decodes a lower-case string as the enumeration case with that raw value; a string that names no case is
    /// a data-corrupted error naming the value.
    func decodeRawValue<Value: RawRepresentable>(_ type: Value.Type, forKey key: Key) throws -> Value
    where Value.RawValue == String {
        let text = try decode(String.self, forKey: key)
        guard let value = Value(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "`\(text)` is not a known \(Value.self)")
        }
        return value
    }

    /// As `decodeRawValue`, with null or a missing key decoding as nil.
    func decodeRawValueIfPresent<Value: RawRepresentable>(_ type: Value.Type, forKey key: Key) throws -> Value?
    where Value.RawValue == String {
        guard try !decodeNilOrMissing(forKey: key) else { return nil }
        return try decodeRawValue(type, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// `decodeNil`, but a missing key counts as null too.
    func decodeNilOrMissing(forKey key: Key) throws -> Bool {
        try !contains(key) || decodeNil(forKey: key)
    }
}
