import Glibc
import Logging
import NIOCore
import NIOPosix

/// Opens a serial medium: the device from `SerialLine`, handed to SwiftNIO's `NIOPipeBootstrap`.
struct SerialOpener: MediumOpener {
    /// How many unsent bytes may wait for the line before further sends are refused (and counted), so a line that
    /// does not drain cannot fill memory with stale heartbeats.
    static let writeBufferLimit = 4096

    let device: String
    let baud: Int
    let medium: Int
    let counters: TransportCounterBox
    let logger: Logger
    let receive: @Sendable (ReceivedHeartbeatBytes) -> Void

    func open(on eventLoop: any EventLoop) throws(PairNetError) -> EventLoopFuture<any Channel> {
        guard let bootstrap = NIOPipeBootstrap(validatingGroup: eventLoop) else {
            throw PairNetError(
                .channelFailed, "the event loop given to HeartbeatMedia.open is not a SwiftNIO POSIX loop")
        }
        let input = try SerialLine.open(device, baud: baud)
        // SwiftNIO reads and writes through two descriptors of the line. `takingOwnershipOfDescriptor(inputOutput:)`
        // would make the second with a dup that traps when it fails (e.g. no descriptor left); this one throws.
        let output = dup(input)
        guard output >= 0 else {
            let reason = SystemError.current
            Glibc.close(input)
            throw PairNetError(.serialOpenFailed, "cannot duplicate the descriptor of \(device): \(reason)")
        }
        let (medium, counters, logger, receive, device) = (medium, counters, logger, receive, device)
        return
            bootstrap
            .channelOption(
                .writeBufferWaterMark, value: .init(low: Self.writeBufferLimit / 2, high: Self.writeBufferLimit)
            )
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        StreamReceiveHandler(
                            medium: medium, descriptor: output, counters: counters, logger: logger, receive: receive))
                }
            }
            .takingOwnershipOfDescriptors(input: input, output: output)
            .flatMapError { error in
                // On failure the descriptors are still ours.
                Glibc.close(input)
                Glibc.close(output)
                return eventLoop.makeFailedFuture(
                    PairNetError(.channelFailed, "SwiftNIO cannot use serial device \(device): \(error)"))
            }
    }

    func channel(of handle: any Channel) -> any Channel {
        handle
    }

    func check(_ handle: any Channel) -> String? {
        nil
    }
}
