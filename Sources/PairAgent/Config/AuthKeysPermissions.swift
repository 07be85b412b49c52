import PairCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks that authkeys is readable by its owner only, and that its owner is the user pgpair runs as.
public enum AuthKeysPermissions {
    /// A diagnostic for each problem with the file's mode and owner.
    public static func check(_ path: String) -> [ConfigDiagnostic] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        var problems: [ConfigDiagnostic] = []
        let mode = info.st_mode & 0o7777
        if mode & 0o077 != 0 {
            problems.append(
                ConfigDiagnostic(
                    .error, file: path, line: nil,
                    message: "authkeys holds the signing keys but is mode \(octal(mode)), open to others; "
                        + "run `chmod 600 \(path)`"))
        }
        let user = geteuid()
        if info.st_uid != user {
            problems.append(
                ConfigDiagnostic(
                    .error, file: path, line: nil,
                    message: "authkeys is owned by \(userName(info.st_uid)), not by \(userName(user)), the user "
                        + "pgpair runs as; run `chown \(userName(user)) \(path)`"))
        }
        return problems
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
