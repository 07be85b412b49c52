import Foundation
import PairCore
import PairTestSupport
import Testing

@testable import PairAgent

/// The persisted state on disk: written durably, read back, missing files mean a fresh node, and a file pgpair did
/// not write stops the agent with the file's path rather than being taken for a fresh node.
@Suite struct NodeStateStoreTests {
    @Test("a fresh state directory reads as epoch 0 and no marker")
    func fresh() throws {
        let directory = try Scratch("pgpair-store")
        defer { directory.remove() }
        #expect(try NodeStateStore(directory: directory.path).load() == PersistedNodeState())
    }

    @Test("what is stored is read back; a cleared marker is gone")
    func roundTrip() throws {
        let directory = try Scratch("pgpair-store")
        defer { directory.remove() }
        let store = NodeStateStore(directory: directory.path)
        try store.persistEpoch(4)
        try store.writeMarker(.uncleanStop(epoch: 4))
        #expect(try store.load() == PersistedNodeState(epoch: 4, marker: .uncleanStop(epoch: 4)))
        try store.writeMarker(.lastActive(epoch: 4))
        #expect(try store.load().marker == .lastActive(epoch: 4))
        try store.clearMarker()
        try store.clearMarker()
        #expect(try store.load() == PersistedNodeState(epoch: 4, marker: nil))
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/marker"))
    }

    @Test("a damaged file is an error naming it")
    func damaged() throws {
        let directory = try Scratch("pgpair-store")
        defer { directory.remove() }
        try directory.write("seven\n", to: "epoch")
        #expect {
            try NodeStateStore(directory: directory.path).load()
        } throws: { error in
            "\(error)".contains("\(directory.path)/epoch") && "\(error)".contains("not a number")
        }
    }

    @Test("the peer's generation: 0 when none is stored, read back once stored, a damaged file an error")
    func peerGeneration() throws {
        let directory = try Scratch("pgpair-store")
        defer { directory.remove() }
        let store = NodeStateStore(directory: directory.path)
        #expect(try store.loadPeerGeneration() == 0)
        try store.persistPeerGeneration(1_767_225_600)
        #expect(try store.loadPeerGeneration() == 1_767_225_600)
        try directory.write("x\n", to: "peer-generation")
        #expect(throws: (any Error).self) { try store.loadPeerGeneration() }
    }
}
