import Testing

@testable import PairCore

@Suite struct HeartbeatPositionTests {
    @Test func ordersByGenerationThenSequence() {
        let position = HeartbeatPosition(generation: 2, sequence: 5)
        #expect(HeartbeatPosition(generation: 2, sequence: 4) < position)
        #expect(HeartbeatPosition(generation: 1, sequence: .max) < position)
        #expect(position < HeartbeatPosition(generation: 3, sequence: 0))
        #expect(!(position < position))
        #expect(position.description == "generation 2, sequence 5")
    }

    @Test func aMessageKnowsItsPosition() {
        #expect(HeartbeatFixtures.message.position == HeartbeatPosition(generation: 12, sequence: 345))
    }
}
