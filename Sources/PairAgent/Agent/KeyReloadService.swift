import Logging
import PairCore
import ServiceLifecycle
import UnixSignals

/// Re-reads authkeys on SIGHUP, so keys can be rotated without a restart. A file that does not load (syntax,
/// mode or owner) is refused with its diagnostics and the keys in use stay.
public struct KeyReloadService: Service {
    let path: String
    let apply: @Sendable (AuthKeys) -> Void
    let logger: Logger

    /// Creates the service for the authkeys file at `path`; `apply` receives every set of keys that loads.
    public init(path: String, logger: Logger, apply: @escaping @Sendable (AuthKeys) -> Void) {
        self.path = path
        self.apply = apply
        self.logger = logger
    }

    /// Waits for SIGHUP until graceful shutdown.
    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            reload()
        }
    }

    /// Reads authkeys and applies it; returns false (keeping the keys in use) when it does not load.
    @discardableResult
    func reload() -> Bool {
        let file: ConfigFile
        do {
            file = try ConfigFileReader.read(path, purpose: "authkeys")
        } catch {
            logger.error("authkeys not reloaded, the keys in use stay: \(error.diagnostic.rendered)")
            return false
        }
        let result = AuthKeys.parse(file)
        let problems = result.errors + AuthKeysPermissions.check(path)
        guard let keys = result.value, problems.isEmpty else {
            for problem in problems {
                logger.error("authkeys not reloaded, the keys in use stay: \(problem.rendered)")
            }
            return false
        }
        apply(keys)
        logger.notice(
            "authkeys reloaded",
            metadata: ["auth.signing_key": "\(keys.signingKeyID)", "auth.keys": "\(keys.keys.map(\.id))"])
        return true
    }
}
