import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs a test helper program to its end (as postgres when `asPostgres` is set, through setpriv) and returns its exit
/// status (128 + the signal when a signal ended it) and combined output.
@discardableResult
public func run(_ executable: String, _ arguments: [String], asPostgres: Bool = false) async throws -> (
    status: Int32, output: String
) {
    let command =
        asPostgres
        ? ("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable] + arguments)
        : (executable, arguments)
    let result = try await Subprocess.run(
        .path(FilePath(command.0)), arguments: Arguments(command.1), workingDirectory: FilePath("/tmp"),
        output: .string(limit: 1 << 20), error: .combinedWithOutput)
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = code
    case .signaled(let signal): status = 128 + signal
    }
    return (status, result.standardOutput)
}
