import Foundation

/// Where the lab finds the programs it runs.
public struct LabExecutables: Sendable, Hashable {
    /// Overrides the directory of pgpair's own programs (`pgpair`, `pgpair-lab`).
    public static let binDirectoryVariable = "PGPAIR_LAB_BIN_DIR"
    /// Overrides PostgreSQL's bin directory.
    public static let postgresBinDirectoryVariable = "PGPAIR_LAB_PG_BINDIR"
    public static let defaultPostgresBinDirectory = "/usr/lib/postgresql/15/bin"

    /// The directory holding `pgpair` and `pgpair-lab`.
    public var binDirectory: String
    /// PostgreSQL's bin directory (initdb, postgres, pg_ctl, psql).
    public var postgresBinDirectory: String

    public init(binDirectory: String, postgresBinDirectory: String = LabExecutables.defaultPostgresBinDirectory) {
        self.binDirectory = binDirectory
        self.postgresBinDirectory = postgresBinDirectory
    }

    /// The environment's choice, else the directory of the running executable: the build directory,
    /// where SwiftPM puts the test bundle next to `pgpair` and `pgpair-lab`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> LabExecutables
    {
        LabExecutables(
            binDirectory: environment[binDirectoryVariable].flatMap { $0.isEmpty ? nil : $0 } ?? runningDirectory(),
            postgresBinDirectory: environment[postgresBinDirectoryVariable].flatMap { $0.isEmpty ? nil : $0 }
                ?? defaultPostgresBinDirectory
        )
    }

    static func runningDirectory() -> String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }

    public var pgpairLab: String { "\(binDirectory)/pgpair-lab" }
    public var pgpair: String { "\(binDirectory)/pgpair" }

    /// A PostgreSQL program, e.g. `postgres("initdb")`.
    public func postgres(_ program: String) -> String {
        "\(postgresBinDirectory)/\(program)"
    }

    /// The system tools the lab runs by name, looked up in PATH like every command it starts.
    public static let systemTools = ["ip", "ss", "socat", "rsync", "setpriv"]

    /// Throws `missingExecutable` naming the first program that is not there: a path, or a name looked up
    /// in PATH.
    public static func require(_ programs: [String]) throws(LabError) {
        for program in programs where !isExecutable(program) {
            throw LabError(
                .missingExecutable, "\(program) is missing; build first (`swift build`) or install it (`make deps`)")
        }
    }

    static func isExecutable(_ program: String) -> Bool {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}
