import Foundation
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs the built `pgpair` binary and captures what it prints.
enum PgpairProcess {
    /// The exit status and output of one run.
    struct Outcome: Sendable, CustomStringConvertible {
        var status: Int32?
        var standardOutput: String
        var standardError: String

        var description: String { "status \(status.map(String.init) ?? "signal")\n\(standardOutput)\(standardError)" }

        /// The lines printed to standard error.
        var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
    }

    /// Where the binary is: next to the test bundle (both are in the build products directory), else in
    /// `.build/debug` of the package.
    static let executablePath: String? = {
        var directories: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append((executable as NSString).deletingLastPathComponent)
        }
        if let executable = Bundle.main.executablePath {
            directories.append((executable as NSString).deletingLastPathComponent)
        }
        directories.append(Bundle.main.bundlePath)
        let packageRoot = ((#filePath as NSString).deletingLastPathComponent as NSString)
            .deletingLastPathComponent
        directories.append(
            ((packageRoot as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(".build/debug"))
        for directory in directories {
            // A test bundle directory (`…/pgpairPackageTests.xctest`) sits in the products directory too.
            for candidate in [directory, (directory as NSString).deletingLastPathComponent] {
                let path = (candidate as NSString).appendingPathComponent("pgpair")
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// Runs `pgpair ARGUMENTS` with `environment` added to a copy of this process's environment from which
    /// `PGPAIR_CONFIG_DIR` and `PGPAIR_NODE` are removed unless given.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let path = try #require(executablePath, "the pgpair binary was not found next to the tests")
        var overrides: [Environment.Key: String?] = ["PGPAIR_CONFIG_DIR": nil, "PGPAIR_NODE": nil]
        for (key, value) in environment {
            overrides[Environment.Key(stringLiteral: key)] = value
        }
        let result = try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), environment: .inherit.updating(overrides),
            output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
        var status: Int32?
        if case .exited(let code) = result.terminationStatus {
            status = code
        }
        return Outcome(
            status: status, standardOutput: result.standardOutput, standardError: result.standardError)
    }
}
