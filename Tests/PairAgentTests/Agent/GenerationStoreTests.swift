import Foundation
import Testing

@testable import PairAgent

@Suite struct GenerationStoreTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-state-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func everyStartGetsANewerGenerationAndStoresIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try GenerationStore.advance(in: directory)
        let second = try GenerationStore.advance(in: directory)
        #expect(second == first + 1)
        let stored = try String(contentsOfFile: directory + "/generation", encoding: .utf8)
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "\(second)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/generation.new"))
    }

    @Test func aStoredGenerationIsContinued() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "99999999999\n".write(toFile: directory + "/generation", atomically: true, encoding: .utf8)
        #expect(try GenerationStore.advance(in: directory) == 100_000_000_000)
    }

    @Test func aLostStateFileStillGivesAGenerationNewerThanEarlierStarts() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = UInt64(Date().timeIntervalSince1970)
        #expect(try GenerationStore.advance(in: directory) >= before)
    }

    @Test func aCorruptStateFileIsAnErrorNotAReset() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "garbage".write(toFile: directory + "/generation", atomically: true, encoding: .utf8)
        #expect(throws: StateFile.Failure.self) { try GenerationStore.advance(in: directory) }
    }

    @Test func aMissingStateDirectoryIsAnErrorNamingIt() {
        #expect {
            _ = try GenerationStore.advance(in: "/nonexistent/pgpair-state")
        } throws: { error in
            "\(error)".contains("/nonexistent/pgpair-state/generation")
        }
    }
}
