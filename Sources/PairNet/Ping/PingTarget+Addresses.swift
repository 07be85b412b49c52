import PairCore

extension PingTarget {
    /// The addresses to send echo requests to for this target.
    public var addresses: [IPv4Address] {
        switch kind {
        case .address(let address): return [address]
        case .group(_, let members): return members
        }
    }
}
