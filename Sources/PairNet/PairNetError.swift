/// Why a heartbeat medium could not be opened or configured. Transports log it (once per outage) and keep retrying;
/// it never reaches the agent as a thrown error.
public struct PairNetError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The configured interface does not exist (yet).
        case interfaceMissing = "interface_missing"
        /// A UDP socket could not be created, configured or bound.
        case socketFailed = "socket_failed"
        /// The multicast group could not be joined on the interface.
        case multicastJoinFailed = "multicast_join_failed"
        /// The serial device could not be opened.
        case serialOpenFailed = "serial_open_failed"
        /// The serial device refused the line settings (termios).
        case serialConfigurationFailed = "serial_configuration_failed"
        /// The configured baud rate has no termios constant.
        case unsupportedBaudRate = "unsupported_baud_rate"
        /// SwiftNIO refused the descriptor.
        case channelFailed = "channel_failed"
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String {
        "\(code.rawValue): \(message)"
    }
}
