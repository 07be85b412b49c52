import Foundation
import Testing

@testable import PairLab

struct RepositoryRootTests {
    /// A fake checkout under a fresh temporary directory: Package.swift, docs/benchmarks and .build/release.
    static func checkout() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pgpair-root-\(UInt32.random(in: 0...UInt32.max))"
        ).path
        for directory in ["docs/benchmarks", ".build/release", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(directory)", withIntermediateDirectories: true)
        }
        try Data().write(to: URL(fileURLWithPath: "\(root)/Package.swift"))
        return root
    }

    @Test func theCheckoutAboveTheExecutableIsFound() throws {
        let root = try Self.checkout()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(RepositoryRoot.find(from: ["\(root)/.build/release"]) == root)
        #expect(RepositoryRoot.find(from: [root]) == root)
    }

    @Test func theNextStartIsTriedWhenTheFirstLiesOutside() throws {
        let root = try Self.checkout()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(RepositoryRoot.find(from: ["/proc/self", "\(root)/elsewhere"]) == root)
    }

    @Test func aDirectoryWithoutDocsIsNoCheckout() throws {
        let root = try Self.checkout()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: "\(root)/docs")
        #expect(RepositoryRoot.find(from: ["\(root)/.build/release"]) == nil)
    }
}
