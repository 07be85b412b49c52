import Foundation

/// Moves a data directory aside under a dated name beside it (`PGDATA.aside-20261121T101500Z`), never deleting
/// anything: the healed-partition rule keeps the older takeover's data for the operator to recover from.
enum DataDirectoryAside {
    /// Renames `directory` and returns the new path. Throws when it cannot be renamed.
    static func move(_ directory: String, at date: Date = Date()) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var target = "\(directory).aside-\(formatter.string(from: date))"
        var suffix = 1
        while FileManager.default.fileExists(atPath: target) {
            suffix += 1
            target = "\(directory).aside-\(formatter.string(from: date))-\(suffix)"
        }
        try FileManager.default.moveItem(atPath: directory, toPath: target)
        return target
    }
}
