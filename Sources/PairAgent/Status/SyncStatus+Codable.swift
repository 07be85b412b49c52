import Foundation

extension SyncStatus: Codable {
    enum CodingKeys: String, CodingKey {
        case method, state
        case lastSuccess = "last_success"
        case lastDurationSeconds = "last_duration_s"
        case lastBytes = "last_bytes"
        case ageSeconds = "age_s"
        case diskUsedBytes = "disk_used_bytes"
        case diskFreeBytes = "disk_free_bytes"
    }

    /// Encodes every field, absent ones as null; `last_success` as an RFC 3339 UTC string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(state.rawValue, forKey: .state)
        try container.encode(lastSuccess.map(Self.rfc3339), forKey: .lastSuccess)
        try container.encode(lastDurationSeconds.map { ($0 * 1000).rounded() / 1000 }, forKey: .lastDurationSeconds)
        try container.encode(lastBytes, forKey: .lastBytes)
        try container.encode(ageSeconds, forKey: .ageSeconds)
        try container.encode(diskUsedBytes, forKey: .diskUsedBytes)
        try container.encode(diskFreeBytes, forKey: .diskFreeBytes)
    }

    /// Decodes the object `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var lastSuccess: Date?
        if let text = try container.decodeIfPresent(String.self, forKey: .lastSuccess) {
            guard let date = Self.date(fromRFC3339: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .lastSuccess, in: container, debugDescription: "`\(text)` is not an RFC 3339 time")
            }
            lastSuccess = date
        }
        self.init(
            method: try container.decodeIfPresent(String.self, forKey: .method),
            state: try container.decodeRawValue(State.self, forKey: .state),
            lastSuccess: lastSuccess,
            lastDurationSeconds: try container.decodeIfPresent(Double.self, forKey: .lastDurationSeconds),
            lastBytes: try container.decodeIfPresent(Int64.self, forKey: .lastBytes),
            ageSeconds: try container.decodeIfPresent(Int64.self, forKey: .ageSeconds),
            diskUsedBytes: try container.decodeIfPresent(Int64.self, forKey: .diskUsedBytes),
            diskFreeBytes: try container.decodeIfPresent(Int64.self, forKey: .diskFreeBytes))
    }

    /// `2026-11-21T10:24:32Z`: whole seconds, UTC.
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(fromRFC3339 text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
