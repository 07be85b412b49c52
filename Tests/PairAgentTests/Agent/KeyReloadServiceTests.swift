import Foundation
import Logging
import NIOConcurrencyHelpers
import PairCore
import Testing

@testable import PairAgent

@Suite struct KeyReloadServiceTests {
    func authkeys(_ text: String, mode: Int = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-authkeys-\(UUID())").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func reload(_ path: String) -> (Bool, [AuthKeys]) {
        let applied = NIOLockedValueBox<[AuthKeys]>([])
        let service = KeyReloadService(path: path, logger: Logger(label: "test")) { keys in
            applied.withLockedValue { $0.append(keys) }
        }
        let result = service.reload()
        return (result, applied.withLockedValue { $0 })
    }

    @Test func aValidFileReplacesTheKeys() throws {
        let path = try authkeys("auth 2\n1 sha256 old-key-0123456789abcdef\n2 sha256 new-key-0123456789abcdef\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (loaded, applied) = reload(path)
        #expect(loaded)
        #expect(applied.map(\.signingKeyID) == [2])
        #expect(applied.first?.keys.map(\.id) == [1, 2])
    }

    @Test(arguments: [
        ("auth 3\n1 sha256 a-key-0123456789abcdef\n", 0o600),
        ("auth 1\n1 sha256 a-key-0123456789abcdef\n", 0o644),
        ("auth 1\n1 rot13 a-key\n", 0o600),
    ])
    func aFileThatDoesNotLoadKeepsTheKeysInUse(text: String, mode: Int) throws {
        let path = try authkeys(text, mode: mode)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (loaded, applied) = reload(path)
        #expect(!loaded)
        #expect(applied.isEmpty)
    }

    @Test func aMissingFileKeepsTheKeysInUse() {
        let (loaded, applied) = reload("/nonexistent/authkeys")
        #expect(!loaded)
        #expect(applied.isEmpty)
    }
}
