import NIOCore

/// How one kind of medium is opened and watched by `ReopeningMedium`.
protocol MediumOpener: Sendable {
    /// An open medium: at least its channel.
    associatedtype Handle: Sendable

    /// Starts opening the medium on `eventLoop` (called there). Throws when it cannot even start, e.g. the
    /// interface or device is missing; the future fails when SwiftNIO refuses the descriptor.
    func open(on eventLoop: any EventLoop) throws(PairNetError) -> EventLoopFuture<Handle>

    /// The channel of an open medium; the medium is lost when it closes.
    func channel(of handle: Handle) -> any Channel

    /// Called every retry interval while the medium is open, on its event loop: refreshes what may change (a
    /// broadcast address) and returns why the medium must be reopened, or nil while it is good.
    func check(_ handle: Handle) -> String?
}
