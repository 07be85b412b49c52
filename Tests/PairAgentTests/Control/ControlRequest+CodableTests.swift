import Foundation
import PairCore
import Testing

@testable import PairAgent

@Suite struct ControlRequestCodableTests {
    static let wireForms: [(ControlRequest, String)] = [
        (.status, #"{"command":"status"}"#),
        (.operatorCommand(.standby), #"{"command":"standby"}"#),
        (.operatorCommand(.takeover(force: false)), #"{"command":"takeover","force":false}"#),
        (.operatorCommand(.takeover(force: true)), #"{"command":"takeover","force":true}"#),
        (.operatorCommand(.maintenance(on: true)), #"{"command":"maintenance","on":true}"#),
        (.operatorCommand(.maintenance(on: false)), #"{"command":"maintenance","on":false}"#),
        (.operatorCommand(.unblock), #"{"command":"unblock"}"#),
    ]

    func encoded(_ request: ControlRequest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(request), as: UTF8.self)
    }

    func decoded(_ text: String) throws -> ControlRequest {
        try JSONDecoder().decode(ControlRequest.self, from: Data(text.utf8))
    }

    @Test(arguments: wireForms)
    func eachRequestHasItsWireFormBothWays(request: ControlRequest, text: String) throws {
        #expect(try encoded(request) == text)
        #expect(try decoded(text) == request)
    }

    @Test func theCommandNameIsTheWireName() {
        #expect(
            Self.wireForms.map(\.0.command.rawValue) == [
                "status", "standby", "takeover", "takeover", "maintenance", "maintenance", "unblock",
            ])
    }

    @Test func anOlderClientsStatusRequestStillDecodes() throws {
        #expect(try decoded(#"{ "command" : "status" }"#) == .status)
    }

    @Test func takeoverWithoutForceIsNotForced() throws {
        #expect(try decoded(#"{"command":"takeover"}"#) == .operatorCommand(.takeover(force: false)))
    }

    @Test(arguments: [
        #"{"command":"maintenance"}"#, #"{"command":"promote"}"#, #"{"command":"STATUS"}"#, #"{}"#,
        #"{"command":"maintenance","on":"yes"}"#,
    ])
    func malformedRequestsAreRejected(text: String) {
        #expect(throws: DecodingError.self) { try decoded(text) }
    }

    @Test func onlyStatusIsReadOnly() {
        #expect(Self.wireForms.filter(\.0.isReadOnly).map(\.0) == [.status])
    }
}
