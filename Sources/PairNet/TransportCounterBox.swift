import Synchronization

/// The counters of one transport, shared by its event loop (which counts) and any thread (which reads them).
final class TransportCounterBox: Sendable {
    private let counters = Mutex(TransportCounters())

    var value: TransportCounters {
        counters.withLock { $0 }
    }

    func update(_ change: (inout TransportCounters) -> Void) {
        counters.withLock { change(&$0) }
    }
}
