import Logging
import PairCore

/// The `IPaddr` (`IPaddr2`) resource: the service address.
///
/// The interface is the one written in haresources (`IPaddr::ADDR/PREFIX/IF`); when none is written, the interface
/// that already has an address whose subnet holds the service address (as heartbeat's IPaddr chose), and the prefix
/// defaults to that subnet's. Start adds the address and announces it by gratuitous ARP; whether another host
/// holds it is the state machine's duplicate-address guard, checked before the start. Stop removes it wherever it
/// sits (stopping an absent address succeeds). Status: the address is on the interface.
public struct AddressResource: ManagedResource {
    public let name: String
    /// The address as haresources gives it.
    public let serviceAddress: ServiceAddress
    private let control: any AddressControl
    private let announcer: any AddressAnnouncer
    private let logger: Logger

    /// The resource for `serviceAddress`, written as `name`.
    public init(
        name: String, serviceAddress: ServiceAddress, control: any AddressControl, announcer: any AddressAnnouncer,
        logger: Logger
    ) {
        self.name = name
        self.serviceAddress = serviceAddress
        self.control = control
        self.announcer = announcer
        self.logger = logger
    }

    /// The device written in haresources, without an alias label (`eth0:0` → `eth0`).
    var writtenDevice: String? {
        serviceAddress.interface.map { String($0.split(separator: ":", maxSplits: 1).first ?? "") }
    }

    public func start() async throws {
        if try await control.holder(of: serviceAddress.address, on: writtenDevice) != nil { return }
        let address = try await placement()
        try await control.add(address)
        do {
            try await announcer.announce(address.address, on: address.interface)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The address is up; neighbours will find it once their ARP entries for the old owner expire.
            logger.warning(
                "arp announcement failed",
                metadata: [
                    "resource.name": "\(name)", "arp.error": "\(GroupRunner.describe(error))",
                ])
        }
    }

    public func stop() async throws {
        guard let held = try await control.holder(of: serviceAddress.address, on: writtenDevice) else { return }
        try await control.remove(held)
    }

    public func status() async throws -> ResourceState {
        try await control.holder(of: serviceAddress.address, on: writtenDevice) == nil ? .stopped : .running
    }

    /// Where the address goes: the written interface and prefix, completed from the subnet that holds it.
    func placement() async throws -> InterfaceAddress {
        let label = serviceAddress.interface.flatMap { $0.contains(":") ? $0 : nil }
        if let device = writtenDevice, let prefix = serviceAddress.prefixLength {
            return InterfaceAddress(
                address: serviceAddress.address, prefixLength: prefix, interface: device,
                broadcast: serviceAddress.broadcast, label: label)
        }
        let subnet = try await control.subnet(containing: serviceAddress.address)
        if let subnet, writtenDevice == nil || writtenDevice == subnet.interface {
            return InterfaceAddress(
                address: serviceAddress.address,
                prefixLength: serviceAddress.prefixLength ?? subnet.prefixLength, interface: subnet.interface,
                broadcast: serviceAddress.broadcast, label: label)
        }
        if let device = writtenDevice {
            throw ResourceError(
                .misconfigured,
                "\(name): no prefix given and no address on \(device) whose subnet holds \(serviceAddress.address); "
                    + "write IPaddr::\(serviceAddress.address)/PREFIX/\(device)")
        }
        throw ResourceError(
            .misconfigured,
            "\(name): no interface has a subnet that holds \(serviceAddress.address); write the interface, as in "
                + "IPaddr::\(serviceAddress.address)/24/eth0")
    }
}
