import PairLab

/// Checks on the numeric IPv4 addresses the helpers take.
enum IPv4Text {
    /// The only places a helper sends to: the lab's range (198.18.0.0/15) and loopback.
    static let allowedDestinations = [
        IPv4Interface("198.18.0.0", prefixLength: 15), IPv4Interface("127.0.0.0", prefixLength: 8),
    ]

    /// Whether `text` is a dotted quad.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Whether `text` is a lab or loopback address.
    static func isLabOrLoopback(_ text: String) -> Bool {
        isAddress(text) && allowedDestinations.contains { $0.contains(text) }
    }
}
