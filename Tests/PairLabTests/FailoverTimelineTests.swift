import Foundation
import Testing

@testable import PairLab

struct FailoverTimelineTests {
    let fault = Date(timeIntervalSince1970: 1_795_248_000)

    func line(_ millisecondsAfterFault: Int, _ text: String) -> AgentLogLine {
        AgentLogLine(time: fault.addingTimeInterval(Double(millisecondsAfterFault) / 1_000), text: text)
    }

    @Test func theStepsComeFromTheNewActivesLogAndTheClient() throws {
        let timeline = FailoverTimeline(
            fault: fault,
            agentLines: [
                line(1_050, "INFO peer silent past warntime heartbeat.silent_ms=1001 node=pollux peer.node=castor"),
                line(
                    1_060,
                    "NOTICE guard answered: duplicate-address check for 198.18.0.100: no other host answers "
                        + "guard=duplicate-address guard.passed=true"),
                line(
                    2_039,
                    "WARNING heartbeat link down heartbeat.medium=ucast hb0 198.18.2.1 heartbeat.silent_ms=2000"),
                line(2_040, "CRITICAL peer dead: no valid heartbeat on any link heartbeat.silent_ms=2100 node=pollux"),
                line(2_045, "NOTICE role changed node=pollux node.role=starting node.was=standby"),
                line(
                    2_060,
                    "INFO resource started resource.group=198.18.0.100/24/lan0 resource.name=198.18.0.100/24/lan0"),
                line(2_300, "NOTICE installed a snapshot as the data directory sync.snapshot=snapshot-000001"),
                line(2_301, "NOTICE installed snapshot-000001: it is newer install.data_directory=/x/pgdata"),
                line(2_500, "INFO postgres ready postgres.pid=42"),
                line(2_500, "INFO resource started resource.group=198.18.0.100/24/lan0 resource.name=pgsql"),
                line(2_600, "NOTICE role changed node=pollux node.role=active node.was=starting"),
            ],
            firstClientSuccess: fault.addingTimeInterval(2.55))
        #expect(
            timeline.events.map(\.name) == [
                "last heartbeat heard", "late-heartbeat warning", "guard answered", "link down", "dead verdict",
                "guards passed, group starting", "IP announced", "copy installed", "PostgreSQL accepting connections",
                "first client success",
            ])
        #expect(timeline.first("link down")?.detail == "ucast hb0 198.18.2.1")
        #expect(
            timeline.first("guard answered")?.detail
                == "duplicate-address check for 198.18.0.100: no other host answers")
        #expect(timeline.first("copy installed")?.detail == "snapshot-000001")
        #expect(timeline.first("IP announced")?.detail == "198.18.0.100/24/lan0")
        let lastHeard = try #require(timeline.first("last heartbeat heard"))
        #expect(timeline.milliseconds(to: lastHeard.time) == -60)
        #expect(timeline.lines.first == "     -60 ms  last heartbeat heard")
        #expect(timeline.lines[1] == "      +0 ms  fault: node death of the active")
        #expect(timeline.lines.last == "   +2550 ms  first client success")
    }
}
