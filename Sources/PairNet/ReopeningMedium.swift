import Logging
import NIOCore

/// Keeps one medium open: opens it, notices when it is lost (its channel closes, or `MediumOpener.check` says so),
/// and tries again at every tick of a `retryInterval` timer until it works again, logging once per outage. Sends go
/// through `withOpenHandle`, which drops and counts them while the medium is not open.
///
/// Its state lives on the event loop; only the counters are read from other threads.
final class ReopeningMedium<Opener: MediumOpener>: Sendable {
    private enum Phase {
        case idle
        case opening(EventLoopFuture<Opener.Handle>)
        case open(Opener.Handle)
        case closed
    }

    private struct State {
        var phase = Phase.idle
        var outageLog = OutageLog()
        var timer: RepeatedTask?
        /// Why the medium closes its channel itself, for the log line of the loss.
        var closeReason: String?
    }

    let eventLoop: any EventLoop
    let counters: TransportCounterBox
    private let opener: Opener
    private let logger: Logger
    private let retryInterval: TimeAmount
    private let state: NIOLoopBoundBox<State>

    init(
        opener: Opener, counters: TransportCounterBox, eventLoop: any EventLoop, retryInterval: TimeAmount,
        logger: Logger
    ) {
        self.opener = opener
        self.counters = counters
        self.eventLoop = eventLoop
        self.retryInterval = retryInterval
        self.logger = logger
        self.state = .makeBoxSendingValue(State(), eventLoop: eventLoop)
    }

    /// Makes the first attempt and starts the retry timer; succeeds once the first attempt has succeeded or failed.
    func start() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            self.state.value.timer = self.eventLoop.scheduleRepeatedTask(
                initialDelay: self.retryInterval, delay: self.retryInterval
            ) { _ in self.timerFired() }
            return self.attemptOpen()
        }
    }

    /// Runs `body` with the open medium; counts a dropped send and returns nil while it is not open. Call on the
    /// event loop.
    func withOpenHandle<Result>(_ body: (Opener.Handle) -> Result) -> Result? {
        guard case .open(let handle) = state.value.phase, opener.channel(of: handle).isActive else {
            counters.update { $0.sendsDropped += 1 }
            return nil
        }
        return body(handle)
    }

    /// Stops retrying and closes the medium; returns once its descriptor is closed.
    func close() async {
        let pending: EventLoopFuture<Opener.Handle>?
        do {
            pending = try await eventLoop.submit { self.closeOnEventLoop() }.get()
        } catch {
            return  // The event loop is gone, and with it every channel on it.
        }
        guard let pending, let handle = try? await pending.get() else { return }
        let channel = opener.channel(of: handle)
        channel.close(promise: nil)
        try? await channel.closeFuture.get()
    }

    private func closeOnEventLoop() -> EventLoopFuture<Opener.Handle>? {
        let previous = state.value.phase
        state.value.phase = .closed
        state.value.timer?.cancel()
        state.value.timer = nil
        counters.update { $0.isOpen = false }
        switch previous {
        case .idle, .closed: return nil
        case .opening(let future): return future
        case .open(let handle): return eventLoop.makeSucceededFuture(handle)
        }
    }

    private func attemptOpen() -> EventLoopFuture<Void> {
        guard case .idle = state.value.phase else { return eventLoop.makeSucceededVoidFuture() }
        let future: EventLoopFuture<Opener.Handle>
        do {
            future = try opener.open(on: eventLoop)
        } catch {
            openFailed(error)
            return eventLoop.makeSucceededVoidFuture()
        }
        state.value.phase = .opening(future)
        return future.map { handle in
            self.opened(handle)
        }.recover { error in
            if case .opening = self.state.value.phase { self.state.value.phase = .idle }
            self.openFailed(error)
        }
    }

    private func opened(_ handle: Opener.Handle) {
        // After `close`, the closer took the pending future and closes the channel itself.
        guard case .opening = state.value.phase else { return }
        state.value.phase = .open(handle)
        state.value.outageLog.opened("heartbeat medium open", logger: logger)
        counters.update {
            $0.isOpen = true
            $0.opens += 1
        }
        let channel = opener.channel(of: handle)
        channel.closeFuture.assumeIsolated().whenComplete { _ in self.channelClosed(channel) }
    }

    private func channelClosed(_ channel: any Channel) {
        guard case .open(let handle) = state.value.phase, opener.channel(of: handle) === channel else { return }
        state.value.phase = .idle
        counters.update {
            $0.isOpen = false
            $0.losses += 1
        }
        let reason = state.value.closeReason ?? "its descriptor was closed (hang-up or read error)"
        state.value.closeReason = nil
        // The next tick reopens it: a device that fails at once after every open costs one attempt per interval.
        failed("heartbeat medium lost", error: reason)
    }

    private func timerFired() {
        switch state.value.phase {
        case .idle:
            _ = attemptOpen()
        case .open(let handle):
            if let reason = opener.check(handle) {
                state.value.closeReason = reason
                opener.channel(of: handle).close(promise: nil)
            }
        case .opening, .closed:
            break
        }
    }

    private func openFailed(_ error: any Error) {
        counters.update { $0.failedOpens += 1 }
        failed("heartbeat medium cannot be opened", error: "\(error)")
    }

    private func failed(_ what: String, error: String) {
        state.value.outageLog.failed(what, error: error, retry: retryInterval, logger: logger)
    }
}
