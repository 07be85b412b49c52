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

    /// Throws `missingExecutable` naming the first program in `paths` that is not there.
    public static func require(_ paths: [String]) throws(LabError) {
        for path in paths where !FileManager.default.isExecutableFile(atPath: path) {
            throw LabError(
                .missingExecutable, "\(path) is missing; build first (`swift build`) or install it (`make deps`)")
        }
    }
}
