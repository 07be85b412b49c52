import PairNet
import Synchronization

/// The transports a harness opened, to close them at the end.
final class TransportList: Sendable {
    private let items = Mutex<[any HeartbeatTransport]>([])

    var all: [any HeartbeatTransport] {
        items.withLock { $0 }
    }

    func append(_ transports: [any HeartbeatTransport]) {
        items.withLock { $0 += transports }
    }
}
