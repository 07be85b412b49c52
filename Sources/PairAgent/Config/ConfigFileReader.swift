import PairCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads configuration files whole, reporting a file that cannot be read as a diagnostic.
public enum ConfigFileReader {
    /// The largest configuration file pgpair reads; anything bigger is surely not one.
    public static let maximumSize = 1 << 20

    /// The file's text; throws with a diagnostic saying why it cannot be read.
    public static func read(_ path: String, purpose: String) throws(UnreadableConfigFile) -> ConfigFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw failure(path, purpose: purpose, reason: errorText(errno))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, purpose: purpose, reason: errorText(errno))
            }
            if count == 0 { break }
            bytes += buffer[..<count]
            if bytes.count > maximumSize {
                throw failure(path, purpose: purpose, reason: "it is larger than 1 MiB")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure(path, purpose: purpose, reason: "it is not UTF-8 text")
        }
        return ConfigFile(path: path, text: text)
    }

    private static func failure(_ path: String, purpose: String, reason: String) -> UnreadableConfigFile {
        UnreadableConfigFile(
            diagnostic: ConfigDiagnostic(
                .error, file: path, line: nil,
                message: "cannot read \(purpose): \(reason); check --config-dir (or PGPAIR_CONFIG_DIR), or copy the "
                    + "sample from etc/pgpair/"))
    }

    private static func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    public static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
