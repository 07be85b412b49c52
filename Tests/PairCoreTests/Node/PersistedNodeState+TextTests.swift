import PairCore
import Testing

/// The `epoch` and `marker` files: what pgpair writes reads back the same, and anything else is an error that
/// quotes it, never a guess (the marker decides whether a node may start on its own data).
@Suite struct PersistedNodeStateTextTests {
    @Test("the epoch round-trips", arguments: [UInt64(0), 1, 42, .max])
    func epochRoundTrip(epoch: UInt64) {
        #expect(PersistedNodeState.parseEpoch(PersistedNodeState.epochText(epoch)) == .success(epoch))
    }

    @Test(
        "a marker round-trips",
        arguments: [NodeMarker.uncleanStop(epoch: 3), .lastActive(epoch: 7), .lastActive(epoch: 0)])
    func markerRoundTrip(marker: NodeMarker) {
        #expect(PersistedNodeState.parseMarker(PersistedNodeState.markerText(marker)) == .success(marker))
    }

    @Test("an operator's spaces and a missing line end are accepted")
    func lenient() {
        #expect(PersistedNodeState.parseEpoch("  12 ") == .success(12))
        #expect(PersistedNodeState.parseMarker("last-active   5") == .success(.lastActive(epoch: 5)))
    }

    @Test(
        "anything else is an error naming what the file holds",
        arguments: ["", "-1", "12 13", "twelve", "18446744073709551616"])
    func badEpoch(text: String) throws {
        guard case .failure(let error) = PersistedNodeState.parseEpoch(text) else {
            Issue.record("\"\(text)\" was accepted")
            return
        }
        #expect(error.message.contains("not a number"))
    }

    @Test(
        "an unknown or malformed marker is an error",
        arguments: ["", "unclean-stop", "unclean-stop x", "dirty 3", "last-active 1 2"])
    func badMarker(text: String) {
        guard case .failure = PersistedNodeState.parseMarker(text) else {
            Issue.record("\"\(text)\" was accepted")
            return
        }
    }
}
