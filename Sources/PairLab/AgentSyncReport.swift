import Foundation

/// The `sync` object of `pgpair status --json` (docs/status-json.md), decoded strictly: every documented key must be
/// present (null where the contract allows it) and `state` must hold a documented value.
public struct AgentSyncReport: Decodable, Sendable, Equatable {
    /// The sync's state on this node.
    public enum State: String, Decodable, Sendable {
        case idle, running, failed, disabled
    }

    /// `rsync`, `pg_dumpall`, or nil without `sync_method`.
    public var method: String?
    public var state: State
    /// When the last successful round finished (as recorded here, or from the newest snapshot's marker on an rsync
    /// standby).
    public var lastSuccess: Date?
    public var lastDurationSeconds: Double?
    public var lastBytes: Int64?
    /// The age in whole seconds of the standby's newest complete copy: what a failover would lose now.
    public var ageSeconds: Int64?
    public var diskUsedBytes: Int64?
    public var diskFreeBytes: Int64?

    enum CodingKeys: String, CodingKey {
        case method, state
        case lastSuccess = "last_success"
        case lastDurationSeconds = "last_duration_s"
        case lastBytes = "last_bytes"
        case ageSeconds = "age_s"
        case diskUsedBytes = "disk_used_bytes"
        case diskFreeBytes = "disk_free_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String?.self, forKey: .method)
        state = try container.decode(State.self, forKey: .state)
        let success = try container.decode(String?.self, forKey: .lastSuccess)
        lastSuccess = try success.map { text in
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .lastSuccess, in: container, debugDescription: "`\(text)` is not an RFC 3339 UTC time")
            }
            return date
        }
        lastDurationSeconds = try container.decode(Double?.self, forKey: .lastDurationSeconds)
        lastBytes = try container.decode(Int64?.self, forKey: .lastBytes)
        ageSeconds = try container.decode(Int64?.self, forKey: .ageSeconds)
        diskUsedBytes = try container.decode(Int64?.self, forKey: .diskUsedBytes)
        diskFreeBytes = try container.decode(Int64?.self, forKey: .diskFreeBytes)
    }
}

extension AgentStatusReport {
    /// The status's `sync` object; nil when the agent left it out (an agent older than the field). Throws when it is
    /// there but breaks the contract.
    public func syncReport() throws -> AgentSyncReport? {
        try JSONDecoder().decode(SyncField.self, from: Data(json.utf8)).sync
    }

    private struct SyncField: Decodable {
        var sync: AgentSyncReport?
    }
}
