import Foundation
import Testing

@testable import PairLab

@Suite struct ProcessTableTests {
    @Test func parsesACommandNameWithSpacesAndParentheses() throws {
        let line = "4242 (a (weird) name) S 17 4242 4242 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 987654 0 0"
        let entry = try #require(ProcessTable.parseStat(line))
        #expect(entry.pid == 4242)
        #expect(entry.parent == 17)
        #expect(entry.state == "S")
        #expect(entry.startTime == 987654)
    }

    @Test func readsThisProcess() throws {
        let me = try #require(ProcessTable.entry(getpid()))
        #expect(me.parent == getppid())
        #expect(ProcessTable.isAlive(pid: me.pid, startTime: me.startTime))
    }

    @Test func aMissingProcessIsNotAlive() {
        // PIDs never reach Int32.max (pid_max is at most 2^22).
        #expect(ProcessTable.entry(Int32.max) == nil)
        #expect(!ProcessTable.isAlive(pid: Int32.max, startTime: 0))
    }
}
