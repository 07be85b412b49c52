import CLibPQ

/// Facts about the libpq this program is linked against.
public enum LibPQ {
    /// libpq's version as `major.minor`, e.g. "15.18".
    public static var version: String {
        let number = Int(PQlibVersion())
        return "\(number / 10000).\(number % 10000)"
    }
}
