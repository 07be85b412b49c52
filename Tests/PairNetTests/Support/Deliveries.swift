import PairNet
import Synchronization

/// Everything the media under test delivered, in order; filled on the event loop, read by the test.
final class Deliveries: Sendable {
    private let items = Mutex<[ReceivedHeartbeatBytes]>([])

    /// The callback to give `HeartbeatMedia.open`.
    var receive: @Sendable (ReceivedHeartbeatBytes) -> Void {
        { delivery in self.items.withLock { $0.append(delivery) } }
    }

    var all: [ReceivedHeartbeatBytes] {
        items.withLock { $0 }
    }

    /// The datagrams (or chunks) delivered for one medium.
    func on(_ medium: Int) -> [ReceivedHeartbeatBytes] {
        all.filter { $0.medium == medium }
    }

    /// The bytes delivered for one medium, chunks joined: what a serial line carried.
    func stream(on medium: Int) -> [UInt8] {
        on(medium).flatMap(\.bytes)
    }

    /// Whether one medium received a datagram with exactly `bytes`.
    func datagram(_ bytes: [UInt8], on medium: Int) -> Bool {
        on(medium).contains { $0.bytes == bytes }
    }
}
