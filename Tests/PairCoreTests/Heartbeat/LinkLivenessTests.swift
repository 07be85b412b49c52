import Testing

@testable import PairCore

@Suite struct LinkLivenessTests {
    @Test func ageIsTheTimeSinceTheLastValidMessage() {
        let heard = LinkLiveness(state: .up, lastHeard: ManualInstant.ms(1500))
        #expect(heard.age(at: .ms(4000)) == .milliseconds(2500))
        #expect(LinkLiveness<ManualInstant>(state: .down, lastHeard: nil).age(at: .ms(4000)) == nil)
    }
}
