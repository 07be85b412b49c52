import Foundation
import Testing

@testable import PairLab

struct AgentLogLineTests {
    @Test func readsTheTimestampWithMilliseconds() throws {
        let line = try #require(AgentLogLine.parse("2026-11-21T08:00:01.234Z WARNING peer dead peer.node=pollux"))
        #expect(line.text == "WARNING peer dead peer.node=pollux")
        #expect(abs(line.time.timeIntervalSince1970 - 1_795_248_001.234) < 0.0005)
    }

    @Test func refusesALineWithoutATimestamp() {
        #expect(AgentLogLine.parse("peer dead") == nil)
        #expect(AgentLogLine.parse("yesterday peer dead") == nil)
    }

    @Test func readsOnlyCompleteLinesFromAnOffset() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agent-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = "2026-11-21T08:00:00.000Z INFO started\n"
        try Data((first + "2026-11-21T08:00:01.000Z WARNING peer dead\n2026-11-21T08:00:02").utf8)
            .write(to: URL(fileURLWithPath: path))
        let (lines, end) = AgentLogLine.lines(inFile: path, from: UInt64(first.utf8.count))
        #expect(lines.map(\.text) == ["WARNING peer dead"])
        #expect(end == UInt64(first.utf8.count + 43))
        #expect(AgentLogLine.endOffset(ofFile: path) == end + 19)
    }
}
