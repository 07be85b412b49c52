/// Versions of what pgpair nodes exchange with each other.
public enum PairCoreVersion {
    /// The heartbeat protocol version this build speaks.
    public static let protocolVersion = 1
}
