import PairCore

/// What one probe run does: `probes` probes for `address`, `interval` apart from the moment the socket listens,
/// and a verdict `timeout` after that moment.
struct ARPProbePlan: Sendable, Equatable {
    let address: IPv4Address
    let probes: Int
    let interval: Duration
    let timeout: Duration

    /// Checks the plan; the last probe must go out before the verdict, or its answer could not count.
    init(address: IPv4Address, probes: Int, interval: Duration, timeout: Duration) throws(ARPError) {
        guard !address.isUnusableAsHost else {
            throw ARPError(.invalidAddress, "\(address) cannot be a host's address, so it cannot be probed")
        }
        guard probes >= 1, interval >= .zero, timeout > .zero, interval * (probes - 1) < timeout else {
            throw ARPError(
                .invalidSchedule,
                "\(probes) probes \(interval) apart do not fit in a timeout of \(timeout); send at least one probe "
                    + "and make the timeout longer than (probes - 1) × interval")
        }
        self.address = address
        self.probes = probes
        self.interval = interval
        self.timeout = timeout
    }

    /// When probe `number` (0 for the first) goes out, after the start.
    func offset(ofProbe number: Int) -> Duration {
        interval * number
    }
}
