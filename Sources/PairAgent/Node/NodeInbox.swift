/// The node loop's queue: the heartbeat thread, group operations, guards, timers and the control socket post
/// here, and the loop takes one input at a time, in order.
public final class NodeInbox: Sendable {
    let inputs: AsyncStream<NodeInput>
    private let continuation: AsyncStream<NodeInput>.Continuation

    /// An empty inbox.
    public init() {
        (inputs, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// For the heartbeat service's observer: returns at once.
    public func heartbeatObserved(_ observation: HeartbeatObservation) {
        continuation.yield(.heartbeat(observation))
    }

    /// Queues `input`; false once the loop has ended.
    @discardableResult
    func post(_ input: NodeInput) -> Bool {
        if case .terminated = continuation.yield(input) { return false }
        return true
    }

    /// Ends the queue: later posts are refused.
    func close() {
        continuation.finish()
    }
}
