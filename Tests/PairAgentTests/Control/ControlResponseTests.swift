import Foundation
import Testing

@testable import PairAgent

@Suite struct ControlResponseTests {
    @Test(arguments: [
        ControlResponse(ok: true),
        ControlResponse.refused("the peer is not up, so it cannot take the groups"),
        ControlResponse(ok: true, status: NodeStatusCodableTests.withGroups),
    ])
    func decodingGivesBackWhatWasEncoded(response: ControlResponse) throws {
        let data = try JSONEncoder.status.encode(response)
        #expect(try JSONDecoder().decode(ControlResponse.self, from: data) == response)
    }

    @Test func aRefusalCarriesItsReasonUnderError() throws {
        let data = try JSONEncoder.status.encode(ControlResponse.refused("maintenance mode is on"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["error"] as? String == "maintenance mode is on")
    }
}
