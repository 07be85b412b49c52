/// What psql wrote while restoring a dump (`-o /dev/null` keeps query results out, so this is its messages),
/// judged: the restore is accepted only if every error is a known-benign one.
///
/// psql begins each message with `psql:FILE:LINE: `, then the server's severity (`ERROR:  …`) or psql's own
/// complaint (`invalid command \x`, `\connect: …`). Lines that do not begin so continue the message before them
/// (`DETAIL:`, `HINT:`, `CONTEXT:`, `LINE 1:`, the caret).
///
/// Known-benign: `role "PG_USER" already exists`. The dump creates every role, and the staging cluster already has
/// its bootstrap superuser, named after `pg_user`, which initdb made (the dump's `ALTER ROLE` that follows still
/// gives it the source's attributes and password). Notices and warnings are kept for the log and accepted.
/// Anything else, including output that does not read as psql's messages, fails the restore.
struct DumpallRestoreOutput: Equatable {
    /// The benign errors seen, the messages that fail the restore, and the warnings, each as psql wrote its line.
    var benignErrors: [String] = []
    var failures: [String] = []
    var warnings: [String] = []

    /// Judges `output` of a restore of `dumpFile`; `bootstrapUser` is the staging cluster's bootstrap superuser
    /// (`pg_user`).
    init(_ output: String, dumpFile: String, bootstrapUser: String) {
        let benign = "ERROR:  role \"\(bootstrapUser)\" already exists"
        var inMessage = false
        let lines = output.split(separator: "\n").map(String.init)
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let message = Self.message(of: line, dumpFile: dumpFile) else {
                // A continuation of the message before, or, with none before it, output psql does not write.
                if !inMessage { failures.append(line) }
                continue
            }
            inMessage = true
            if message == benign {
                benignErrors.append(line)
            } else if ["NOTICE:", "WARNING:", "INFO:"].contains(where: { message.hasPrefix($0) }) {
                warnings.append(line)
            } else {
                failures.append(line)
            }
        }
    }

    /// Whether the restore is accepted.
    var accepted: Bool { failures.isEmpty }

    /// The text after `psql:FILE:LINE: ` (or after `psql: ` for a message about no line); nil when `line` does not
    /// begin a message.
    private static func message(of line: String, dumpFile: String) -> String? {
        let located = "psql:\(dumpFile):"
        if line.hasPrefix(located) {
            let rest = line.dropFirst(located.count).drop(while: \.isNumber)
            return rest.hasPrefix(": ") ? String(rest.dropFirst(2)) : String(rest)
        }
        return line.hasPrefix("psql: ") ? String(line.dropFirst("psql: ".count)) : nil
    }
}
