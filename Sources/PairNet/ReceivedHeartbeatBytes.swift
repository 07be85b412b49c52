/// What a medium delivers to the agent. Runs on the medium's event loop; must not block.
public struct ReceivedHeartbeatBytes: Sendable, Equatable {
    /// The index of the medium in the array given to `HeartbeatMedia.open`.
    public var medium: Int
    /// One whole datagram (UDP), or a chunk of the byte stream as it arrived (serial).
    public var bytes: [UInt8]
    /// True for serial: raw chunks the caller must frame. False for UDP: one datagram.
    public var isStream: Bool
    /// Where a datagram came from (`198.18.0.1:694`), for logs; nil for a serial line.
    public var source: String?

    /// Creates a delivery.
    public init(medium: Int, bytes: [UInt8], isStream: Bool, source: String? = nil) {
        self.medium = medium
        self.bytes = bytes
        self.isStream = isStream
        self.source = source
    }
}
