import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs short helper commands (`ip`) with an argument array, a time limit and a bounded capture of their output.
enum Command {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the command and throws unless it exits 0 within `timeout`.
    @discardableResult
    static func check(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> String {
        let command = arguments
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    .name(command[0]), arguments: Arguments(Array(command.dropFirst())),
                    output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
                guard case .exited(0) = result.terminationStatus else {
                    throw Failed(
                        description: "`\(command.joined(separator: " "))` ended with \(result.terminationStatus): "
                            + result.standardError)
                }
                return result.standardOutput
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let output = first else {
                throw Failed(description: "`\(command.joined(separator: " "))` did not finish within \(timeout)")
            }
            return output
        }
    }
}
