extension SyncStatus {
    /// The line `pgpair status` prints: `sync: rsync idle, last success 2026-11-21T10:30:02Z (41.2 s, 1.3 MB),
    /// copy age 312 s, disk 2.1 GB used, 40.5 GB free`.
    func tableLine() -> String {
        guard let method else { return "sync: disabled (no sync_method)" }
        var line = "sync: \(method) \(state.rawValue)"
        if let lastSuccess {
            var details: [String] = []
            if let lastDurationSeconds { details.append("\(Self.decimal(lastDurationSeconds)) s") }
            if let lastBytes { details.append(Self.bytes(lastBytes)) }
            line += ", last success \(Self.rfc3339(lastSuccess))"
            if !details.isEmpty { line += " (\(details.joined(separator: ", ")))" }
        } else {
            line += ", no successful round yet"
        }
        line += ageSeconds.map { ", copy age \($0) s" } ?? ", copy age unknown"
        let disk = [diskUsedBytes.map { "\(Self.bytes($0)) used" }, diskFreeBytes.map { "\(Self.bytes($0)) free" }]
            .compactMap { $0 }
        if !disk.isEmpty { line += ", disk " + disk.joined(separator: ", ") }
        return line
    }

    /// `1.3 MB`: decimal units, one decimal.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(decimal(value)) \(units[unit])"
    }

    private static func decimal(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
