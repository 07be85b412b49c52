import Foundation

/// A temporary configuration directory with good ha.cf, haresources and authkeys for castor and pollux, removed
/// when the test ends.
final class ConfigDirectory {
    let path: String

    static let haCF = """
        node castor
        node pollux
        ucast hb0 192.0.2.1
        ucast hb0 192.0.2.2
        serial /dev/ttyS0
        deadtime 10
        pgdata /var/lib/postgresql/16/main
        """
    static let haresources = "castor 10.0.0.100 pgsql\n"
    static let authkeys = "auth 1\n1 sha256 0123456789abcdef0123456789abcdef\n"

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("pgpair-check-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try write("ha.cf", Self.haCF)
        try write("haresources", Self.haresources)
        try write("authkeys", Self.authkeys, mode: 0o600)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of a file in the directory.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes a file with the given mode.
    func write(_ name: String, _ text: String, mode: Int = 0o644) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file(name))
    }

    /// Appends lines to a file.
    func append(_ name: String, _ text: String) throws {
        let current = try String(contentsOfFile: file(name), encoding: .utf8)
        let mode = try FileManager.default.attributesOfItem(atPath: file(name))[.posixPermissions] as? Int ?? 0o644
        try write(name, current + "\n" + text + "\n", mode: mode)
    }
}
