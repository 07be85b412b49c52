import Foundation

/// Samples, until stopped, which nodes hold an address on their LAN interface: one node, then the other, each
/// reading a child process (`ip -j addr show dev lan0` in the node's namespace, through `ip netns exec`), with a
/// short pause between readings. See `AddressHolderSamples` for what the readings prove.
///
/// Start it with `Lab.startSamplingAddressHolders(_:every:)`; call `stop()` before the lab is torn down (readings
/// that fail, e.g. while a namespace goes away, are left out).
public final class AddressHolderSampler: Sendable {
    private let task: Task<[AddressHolderReading], Never>

    init(lab: Lab, address: String, pause: Duration) {
        task = Task {
            var readings: [AddressHolderReading] = []
            var node = LabNode.a
            while !Task.isCancelled {
                if let reading = await Self.read(node, address: address, in: lab) {
                    readings.append(reading)
                }
                node = node.peer
                try? await Task.sleep(for: pause)
            }
            return readings
        }
    }

    private static func read(_ node: LabNode, address: String, in lab: Lab) async -> AddressHolderReading? {
        guard let interface = try? await lab.readLANInterface(of: .node(node)), !Task.isCancelled else { return nil }
        return AddressHolderReading(
            node: node, time: Date(), holds: interface.holds(address), linkUp: interface.isUp,
            frozen: await lab.isFrozen(node))
    }

    /// Stops sampling and returns every reading taken.
    public func stop() async -> AddressHolderSamples {
        task.cancel()
        return AddressHolderSamples(readings: await task.value)
    }
}

extension Lab {
    /// Starts sampling which nodes hold `address` (the service address unless told), one reading after the other
    /// with `pause` between them.
    public nonisolated func startSamplingAddressHolders(
        _ address: String? = nil, pause: Duration = .milliseconds(10)
    ) -> AddressHolderSampler {
        AddressHolderSampler(lab: self, address: address ?? topology.serviceAddress.address, pause: pause)
    }

    /// Runs `body` while sampling who holds the service address; returns its result and the readings. The sampler
    /// stops whether `body` returns or throws.
    public nonisolated func samplingAddressHolders<Result: Sendable>(
        pause: Duration = .milliseconds(10),
        _ body: () async throws -> Result
    ) async throws -> (result: Result, samples: AddressHolderSamples) {
        let sampler = startSamplingAddressHolders(pause: pause)
        do {
            let result = try await body()
            return (result, await sampler.stop())
        } catch {
            _ = await sampler.stop()
            throw error
        }
    }

    /// Reads `namespace`'s LAN interface: up or not, and its IPv4 addresses (`ip -j addr show dev lan0`, run in the
    /// namespace by `ip netns exec`).
    public nonisolated func readLANInterface(of namespace: LabNamespace) async throws -> LANInterfaceReading {
        let output = try await CommandRunner.run(
            command(in: namespace, as: .root, ["ip", "-j", "addr", "show", "dev", topology.lanInterface]),
            timeout: .seconds(10)
        ).checked()
        return try LANInterfaceReading.parse(json: output.standardOutput)
    }

    /// Whether `node` is frozen: one of its processes the lab started is stopped (SIGSTOP).
    public func isFrozen(_ node: LabNode) -> Bool {
        runningProcesses(of: node).contains { ProcessTable.entry($0.pid)?.state == "T" }
    }
}
