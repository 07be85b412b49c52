import Foundation
import PairTestSupport
import Testing

@testable import PairSync

@Suite struct InstallOwnCopiesTests {
    @Test("shared files get copies of their own with the same content, mode and times; the other links keep theirs")
    func sharedFilesAreCopied() throws {
        let scratch = try Scratch("pgpair-owncopies")
        defer { scratch.remove() }
        let kept = "\(scratch.path)/kept"
        let installed = "\(scratch.path)/installed"
        try FileManager.default.createDirectory(atPath: "\(kept)/base", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(installed)/base", withIntermediateDirectories: true)
        try "shared\n".write(toFile: "\(kept)/base/1", atomically: false, encoding: .utf8)
        chmod("\(kept)/base/1", 0o640)
        #expect(link("\(kept)/base/1", "\(installed)/base/1") == 0)
        try "own\n".write(toFile: "\(installed)/base/2", atomically: false, encoding: .utf8)
        var before = stat()
        stat("\(kept)/base/1", &before)

        let copied = try InstallOwnCopies.give(installed)

        #expect(copied.files == 1 && copied.bytes == 7)
        var after = stat()
        var original = stat()
        stat("\(installed)/base/1", &after)
        stat("\(kept)/base/1", &original)
        #expect(after.st_ino != original.st_ino)
        #expect(after.st_nlink == 1 && original.st_nlink == 1)
        #expect(after.st_mode == before.st_mode)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(original.st_ino == before.st_ino, "the kept snapshot's file is the same inode")
        #expect(try String(contentsOfFile: "\(installed)/base/1", encoding: .utf8) == "shared\n")

        // A write into the installed copy does not reach the kept one.
        try "changed\n".write(toFile: "\(installed)/base/1", atomically: false, encoding: .utf8)
        #expect(try String(contentsOfFile: "\(kept)/base/1", encoding: .utf8) == "shared\n")
        #expect(try InstallOwnCopies.give(installed).files == 0)
    }

    @Test("a copy cut short is removed by the next pass")
    func leftoverIsRemoved() throws {
        let scratch = try Scratch("pgpair-owncopies")
        defer { scratch.remove() }
        try "half".write(
            toFile: "\(scratch.path)/\(InstallOwnCopies.temporaryPrefix)1", atomically: false, encoding: .utf8)
        try InstallOwnCopies.give(scratch.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
