import Foundation
import PairSync
import PairTestSupport
import Testing

/// A round whose staging copy fills the file system it is written to: a small tmpfs mounted as the snapshot
/// directory, holding one published snapshot with little room to spare.
@Suite("RsyncRound on a full file system", .serialized)
struct RsyncRoundFullDiskTests {
    @Test("a staging area that fills up fails the round cleanly; the published snapshot stays intact and still starts")
    func stagingFillsUp() async throws {
        try await TestCluster.with { cluster in
            // How much one snapshot of this cluster takes, measured on the ordinary file system.
            let measure = try Scratch("pgpair-synctest-measure")
            defer { measure.remove() }
            #expect(await RsyncRoundTests.round(cluster, into: measure).run().outcome == .succeeded)
            let probe = try #require(try RsyncRoundTests.store(measure).publishStaging(keep: 2))
            let snapshotBytes = try diskUsage(of: probe.path)

            // A tmpfs with room for that snapshot and 8 MiB more.
            let mountPoint = try Scratch("pgpair-synctest-tmpfs")
            defer { mountPoint.remove() }
            let size = snapshotBytes + 8 << 20
            try await mountTmpfs(at: mountPoint.path, bytes: size)
            defer { unmount(mountPoint.path) }

            #expect(await RsyncRoundTests.round(cluster, into: mountPoint).run().outcome == .succeeded)
            let published = try #require(try RsyncRoundTests.store(mountPoint).publishStaging(keep: 2))
            let before = try await checksums(of: published.path)

            // More new data than the space left: the next round's copy cannot fit.
            try cluster.query(
                "CREATE TABLE big AS SELECT g, repeat(md5(g::text), 30) AS v FROM generate_series(1, 40000) g")
            let record = await RsyncRoundTests.round(cluster, into: mountPoint).run()
            #expect(record.outcome == .failed, "\(record)")
            #expect(record.errorCode == "transfer_failed", "\(record)")
            #expect(
                record.message?.contains("No space left on device") == true,
                "the round's record says the disk was full: \(record)")

            let staging = "\(mountPoint.path)/staging/"
            #expect(rsyncProcesses(mentioning: staging).isEmpty, "no rsync is left writing")
            #expect(
                try RsyncRoundTests.store(mountPoint).publishStaging(keep: 2) == nil,
                "a copy cut short by the full disk is never published")
            #expect(try RsyncRoundTests.store(mountPoint).snapshots() == [published])
            #expect(try await checksums(of: published.path) == before, "the published snapshot is unchanged")

            // The snapshot kept is still a copy PostgreSQL starts on.
            let restored = try await TestCluster.startCopy(of: published.path, port: 5435)
            let tables = try? restored.query("SELECT count(*) FROM pg_class").scalar
            await restored.stop()
            #expect((tables.flatMap { Int($0) } ?? 0) > 0, "the kept snapshot starts and answers")
        }
    }

    /// Bytes a directory takes on disk (`du -sb`; hard links counted once).
    func diskUsage(of path: String) throws -> Int {
        let output = Pipe()
        let du = Process()
        du.executableURL = URL(fileURLWithPath: "/usr/bin/du")
        du.arguments = ["-sb", path]
        du.standardOutput = output
        try du.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        du.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return try #require(Int(text.split(separator: "\t").first ?? ""), "du printed \(text)")
    }

    func mountTmpfs(at path: String, bytes: Int) async throws {
        try await run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes),mode=0700", "tmpfs", path])
        let postgres = try #require(getpwnam("postgres")?.pointee)
        chown(path, postgres.pw_uid, postgres.pw_gid)
    }

    func unmount(_ path: String) {
        _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [path]).waitUntilExit()
    }
}
