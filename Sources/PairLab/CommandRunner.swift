import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs short helper commands (`ip`, `initdb`, …) with an argument array — never a shell — a time limit
/// and a bounded capture of their output.
public enum CommandRunner {
    /// Output beyond this many bytes per stream fails the command rather than filling memory.
    public static let outputLimit = 4 << 20

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as its arguments.
    /// A non-zero exit is a result, not an error; a timeout tears the command down and throws.
    public static func run(
        _ arguments: [String],
        timeout: Duration = .seconds(60),
        environment: [String: String] = [:]
    ) async throws -> CommandOutput {
        precondition(!arguments.isEmpty, "a command needs at least its executable")
        let executable: Executable =
            arguments[0].contains("/") ? .path(FilePath(arguments[0])) : .name(arguments[0])
        let environmentUpdate = Environment.inherit.updating(
            Dictionary(
                uniqueKeysWithValues: environment.compactMap { entry in
                    Environment.Key(rawValue: entry.key).map { ($0, entry.value) }
                })
        )
        let command = arguments
        return try await withThrowingTaskGroup(of: CommandOutput?.self) { group in
            group.addTask {
                var options = PlatformOptions()
                options.teardownSequence = [.send(signal: .terminate, allowedDurationToNextStep: .seconds(2))]
                let result = try await Subprocess.run(
                    executable,
                    arguments: Arguments(Array(command.dropFirst())),
                    environment: environmentUpdate,
                    platformOptions: options,
                    output: .string(limit: outputLimit),
                    error: .string(limit: outputLimit)
                )
                return CommandOutput(
                    command: command,
                    exitCode: result.terminationStatus.exitCode,
                    standardOutput: result.standardOutput,
                    standardError: result.standardError
                )
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let output = first else {
                throw LabError(.commandTimedOut, "`\(command.joined(separator: " "))` did not finish within \(timeout)")
            }
            return output
        }
    }

    /// Runs a command and throws `commandFailed` unless it exits 0.
    // Not inlined: swift-frontend 6.3.1 crashes at -O (LLVM CoroSplit, emitSetAndGetSwiftErrorValueAround) when
    // this untyped-throws call of the typed-throws `checked()` is inlined into async callers such as
    // `Lab.buildNetwork()`.
    @discardableResult
    @inline(never)
    public static func check(
        _ arguments: [String],
        timeout: Duration = .seconds(60),
        environment: [String: String] = [:]
    ) async throws -> CommandOutput {
        try await run(arguments, timeout: timeout, environment: environment).checked()
    }
}

extension TerminationStatus {
    /// The shell's convention: the exit code, or 128 + the signal number.
    var exitCode: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}
