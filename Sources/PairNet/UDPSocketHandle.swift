import NIOCore
import PairCore

/// An open UDP medium: SwiftNIO's channel for receiving, the descriptor it owns for sending, the interface index
/// the socket is bound to, and the current destination (a broadcast address may change while the socket is open).
struct UDPSocketHandle: Sendable {
    let channel: any Channel
    /// Valid while `channel` is active; used only on the channel's event loop, where SwiftNIO closes it.
    let descriptor: CInt
    let interfaceIndex: CInt
    let destination: NIOLoopBoundBox<IPv4Address>
}
