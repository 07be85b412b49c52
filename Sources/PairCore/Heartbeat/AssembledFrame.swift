/// What the frame assembler found in a serial byte stream.
public enum AssembledFrame: Sendable, Equatable {
    /// A complete frame, from its `>>>` line to its `<<<` line and newline, ready for `HeartbeatCodec.decode`.
    case frame([UInt8])
    /// Bytes that are not part of a complete frame: noise between frames, a partial frame cut by a new `>>>`
    /// line, or an over-long frame. The caller counts each as one malformed message.
    case garbage(byteCount: Int, reason: String)
}
