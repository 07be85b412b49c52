import Foundation
import Testing

@testable import PairLab

struct AgentStatusReportTests {
    /// The example of docs/status-json.md.
    static let example = """
        {
          "block_needs_operator" : false,
          "blocked_reason" : null,
          "epoch" : 0,
          "generation" : 7,
          "node" : "castor",
          "peer" : {
            "epoch" : 0,
            "links" : [
              { "last_heard_ms" : 143, "medium" : "ucast hb0 192.168.100.2", "state" : "up" },
              { "last_heard_ms" : 48211, "medium" : "serial /dev/ttyS0", "state" : "down" }
            ],
            "node" : "pollux",
            "rejected" : { "auth" : 1, "malformed" : 0, "replay" : 0 },
            "role" : "standby",
            "state" : "up"
          },
          "protocol" : 1,
          "role" : "standby"
        }
        """

    @Test func readsTheDocumentedExample() throws {
        let status = try AgentStatusReport.parse(json: Self.example)
        #expect(status.node == "castor" && status.role == "standby" && status.generation == 7)
        #expect(status.protocolVersion == 1 && status.blockedReason == nil && !status.blockNeedsOperator)
        #expect(status.peer.state == .up && status.peer.role == "standby" && status.peer.epoch == 0)
        #expect(status.peer.link("serial /dev/ttyS0")?.state == .down)
        #expect(status.peer.link("ucast hb0 192.168.100.2")?.lastHeardMilliseconds == 143)
        #expect(status.peer.rejected.auth == 1)
        #expect(!status.peerUpOnEveryLink)
        #expect(status.json == Self.example)
    }

    @Test func ignoresFieldsAddedLater() throws {
        let extended = Self.example.replacingOccurrences(
            of: "\"protocol\" : 1,", with: "\"protocol\" : 1, \"sync\" : {},")
        #expect(try AgentStatusReport.parse(json: extended).generation == 7)
    }

    @Test(arguments: [
        ("a documented key missing", "\"blocked_reason\" : null,", ""),
        ("an undocumented peer state", "\"state\" : \"up\"\n", "\"state\" : \"alive\"\n"),
        ("an undocumented role", "\"role\" : \"standby\"\n}", "\"role\" : \"primary\"\n}"),
        ("an empty string for null", "\"blocked_reason\" : null", "\"blocked_reason\" : \"\""),
        ("a number for a string", "\"blocked_reason\" : null", "\"blocked_reason\" : 0"),
        ("a link state in capitals", "\"state\" : \"down\"", "\"state\" : \"DOWN\""),
    ])
    func refusesWhatBreaksTheContract(_ what: String, _ original: String, _ replacement: String) {
        let broken = Self.example.replacingOccurrences(of: original, with: replacement)
        #expect(broken != Self.example, "the case \(what) changes nothing")
        #expect(throws: (any Error).self, "\(what)") { try AgentStatusReport.parse(json: broken) }
    }
}
