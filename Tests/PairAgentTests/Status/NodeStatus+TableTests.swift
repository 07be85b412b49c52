import PairCore
import Testing

@testable import PairAgent

@Suite struct NodeStatusTableTests {
    @Test func theTableShowsRolePeerEveryLinkAndTheRejections() {
        let table = NodeStatusCodableTests.heard.table()
        #expect(table.contains("node castor: blocked, epoch 4, generation 9"))
        #expect(table.contains("blocked: the service address answers elsewhere (needs an operator)"))
        #expect(table.contains("peer pollux: up, active, epoch 5"))
        #expect(table.contains("ucast hb0 10.0.0.2  up    last heard 120 ms ago"))
        #expect(table.contains("serial /dev/ttyS0   down  last heard 40000 ms ago"))
        #expect(table.contains("rejected: auth 1, replay 2, malformed 3"))
    }

    @Test func aLinkNeverHeardSaysSo() {
        let table = NodeStatusCodableTests.neverHeard.table()
        #expect(table.contains("peer pollux: unknown\n"))
        #expect(table.contains("never heard"))
        #expect(!table.contains("blocked:"))
    }

    @Test func theTableListsEveryGroupWithHomeStateAndOwner() {
        let table = NodeStatusCodableTests.withGroups.table()
        #expect(
            table.contains(
                "\ngroups:\n"
                    + "  10.0.0.100  home castor  running on castor\n"
                    + "  10.0.0.101  home castor  failed\n"
                    + "  10.0.0.200  home pollux  stopping on pollux\n"), "\(table)")
    }

    @Test func aNodeWithoutGroupsShowsNoGroupSection() {
        #expect(!NodeStatusCodableTests.heard.table().contains("groups:"))
    }

    @Test func aBlockThatClearsItselfSaysSo() {
        var status = NodeStatusCodableTests.withGroups
        status.role = .blocked
        status.blockedReason = "no ping target answers"
        let table = status.table()
        #expect(table.contains("node castor: blocked"))
        #expect(table.contains("\n  blocked: no ping target answers (clears by itself)\ngroups:\n"), "\(table)")
    }
}
