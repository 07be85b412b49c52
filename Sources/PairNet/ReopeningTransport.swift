import NIOCore

/// What a UDP and a serial transport share: a `ReopeningMedium` that keeps the medium open, sends that hop onto its
/// event loop, and close. A transport supplies only how one message is sent once the medium is open.
protocol ReopeningTransport: HeartbeatTransport {
    associatedtype Opener: MediumOpener

    /// The medium, kept open (and reopened after a failure) on its event loop.
    var reopening: ReopeningMedium<Opener> { get }

    /// Sends one message; called on the event loop.
    func sendOnEventLoop(_ message: [UInt8])
}

extension ReopeningTransport {
    /// Makes the first attempt to open.
    func start() -> EventLoopFuture<Void> {
        reopening.start()
    }

    var counters: TransportCounters {
        reopening.counters.value
    }

    func send(_ message: [UInt8]) {
        let eventLoop = reopening.eventLoop
        if eventLoop.inEventLoop {
            sendOnEventLoop(message)
        } else {
            eventLoop.execute { self.sendOnEventLoop(message) }
        }
    }

    func close() async {
        await reopening.close()
    }
}
