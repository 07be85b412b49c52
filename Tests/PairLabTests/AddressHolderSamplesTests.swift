import Foundation
import Testing

@testable import PairLab

struct AddressHolderSamplesTests {
    /// Readings alternating castor, pollux, castor, … 20 ms apart; each pair is (castor holds, pollux holds).
    static func samples(_ holds: [(Bool, Bool)], frozen: Set<Int> = [], cut: Set<Int> = []) -> AddressHolderSamples {
        var readings: [AddressHolderReading] = []
        for (index, pair) in holds.enumerated() {
            for (node, held) in [(LabNode.a, pair.0), (.b, pair.1)] {
                let position = readings.count
                readings.append(
                    AddressHolderReading(
                        node: node, time: Date(timeIntervalSince1970: 1_000 + Double(position) * 0.02), holds: held,
                        linkUp: !(node == .a && cut.contains(index)), frozen: node == .a && frozen.contains(index)))
            }
        }
        return AddressHolderSamples(readings: readings)
    }

    @Test func aHandoverSeenAcrossOnePairOfReadingsIsNoDoubleHold() {
        // castor's reading shows the address; pollux's next one too: castor may have dropped it in between.
        let samples = Self.samples([(true, false), (true, true), (false, true), (false, true)])
        #expect(samples.doubleActiveCount == 0)
        #expect(samples.holdersAtEnd == [.b])
        #expect(samples.holding(.a).count == 2 && samples.holding(.b).count == 3)
    }

    @Test func aReadingBetweenTwoReadingsOfTheOtherHolderIsADoubleHold() {
        // castor, pollux: (held, -), (held, held), (held, held), (-, held): pollux's first holding reading lies
        // between two of castor's, and castor's next between two of pollux's.
        let samples = Self.samples([(true, false), (true, true), (true, true), (false, true)])
        #expect(samples.doubleActiveCount == 2)
        #expect(samples.doubleActiveMoments.map(\.node) == [.b, .a])
    }

    @Test func aFrozenOrCutHolderServesNoOneAndIsNoDoubleHold() {
        let frozen = Self.samples([(true, false), (true, true), (true, true), (true, true)], frozen: [1, 2, 3])
        #expect(frozen.doubleActiveCount == 0)
        #expect(frozen.holding(.a).count == 4)
        let cut = Self.samples([(true, true), (true, true), (true, true)], cut: [0, 1, 2])
        #expect(cut.doubleActiveCount == 0)
    }

    @Test func noReadingsNothingFound() {
        let samples = AddressHolderSamples(readings: [])
        #expect(samples.doubleActiveCount == 0 && samples.holdersAtEnd.isEmpty)
        #expect(samples.summary.hasPrefix("0 readings"))
    }
}
