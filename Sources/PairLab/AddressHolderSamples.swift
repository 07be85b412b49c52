import Foundation

/// Readings of who held the service address, one node after the other, in time order (`AddressHolderSampler`).
///
/// Two readings are never taken at the same instant, so a handover (one node removes the address, the other adds
/// it a moment later) must not look like two holders. A **double-active moment** is therefore counted only when it
/// is certain: a reading of one node active (holding the address, up on the LAN) taken between two readings of the
/// other node that were both active. Unless the other node dropped and took the address again in between, both were
/// active at the middle reading's time. A double hold that lasts longer than one round of readings is always found.
public struct AddressHolderSamples: Sendable, Equatable {
    /// Every reading, in the order taken.
    public var readings: [AddressHolderReading]

    public init(readings: [AddressHolderReading]) {
        self.readings = readings
    }

    /// The readings of `node`, in order.
    public func readings(of node: LabNode) -> [AddressHolderReading] {
        readings.filter { $0.node == node }
    }

    /// The middle readings of every double-active moment (see the type's summary).
    public var doubleActiveMoments: [AddressHolderReading] {
        readings.indices.compactMap { index in
            let middle = readings[index]
            guard middle.isActive,
                let before = readings[..<index].last(where: { $0.node != middle.node }),
                let after = readings[(index + 1)...].first(where: { $0.node != middle.node }),
                before.isActive, after.isActive
            else { return nil }
            return middle
        }
    }

    /// The number of double-active moments.
    public var doubleActiveCount: Int {
        doubleActiveMoments.count
    }

    /// The readings in which `node` held the address, up on the LAN or not.
    public func holding(_ node: LabNode) -> [AddressHolderReading] {
        readings(of: node).filter(\.holds)
    }

    /// The nodes whose latest reading held the address.
    public var holdersAtEnd: Set<LabNode> {
        Set(LabNode.allCases.filter { readings(of: $0).last?.holds == true })
    }

    /// A short account for messages: how many readings, the double-active moments, who held at the end.
    public var summary: String {
        let counts = LabNode.allCases.map { "\($0.name) held in \(holding($0).count)/\(readings(of: $0).count)" }
        return "\(readings.count) readings (\(counts.joined(separator: ", "))), \(doubleActiveCount) double-active, "
            + "holders at the end: \(holdersAtEnd.map(\.name).sorted())"
    }
}
