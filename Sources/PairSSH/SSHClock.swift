import Glibc

/// The deadline of one exchange, and the wait for its socket: `poll` in slices of at most `slice`, so that the
/// task's cancellation is noticed soon.
struct SSHClock {
    static let slice = Duration.milliseconds(50)

    let deadline: ContinuousClock.Instant
    let stop: SSHStop
    /// What the exchange is doing, for the timeout's message.
    var step = "connecting"

    /// Throws when the deadline has passed or the task was cancelled.
    func check() throws(SSHError) {
        if stop.isCancelled {
            throw SSHError(.timedOut, "cancelled while \(step)")
        }
        if ContinuousClock.now >= deadline {
            throw SSHError(.timedOut, "no answer in time while \(step)")
        }
    }

    /// Waits until `descriptor` is ready for `events` (`POLLIN`, `POLLOUT`) or one slice has passed; throws at the
    /// deadline or on cancellation.
    func wait(for descriptor: CInt, events: Int16) throws(SSHError) {
        try check()
        let left = deadline - ContinuousClock.now
        let slice = min(left, Self.slice)
        let milliseconds = max(
            1, Int32(slice.components.seconds * 1000 + slice.components.attoseconds / 1_000_000_000_000_000))
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&entry, 1, milliseconds)
        try check()
    }
}
