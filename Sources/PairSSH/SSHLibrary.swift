import CLibSSH2

/// libssh2's global initialisation, done once (Swift runs a static initialiser exactly once, thread-safely)
/// before the first session: `libssh2_init` itself is not thread-safe.
enum SSHLibrary {
    private static let status = libssh2_init(0)

    static func initialise() throws(SSHError) {
        guard status == 0 else {
            throw SSHError(.libraryFailed, "libssh2_init failed with \(status); check the libssh2 installation")
        }
    }
}
