@testable import PairNet

extension AddressProbeResult {
    /// Who holds the address; nil when it is free.
    var holder: MACAddress? {
        if case .inUse(let holder, _) = self { holder } else { nil }
    }
}
