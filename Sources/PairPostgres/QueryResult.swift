/// The rows a statement returned, as text (libpq's text format).
public struct QueryResult: Sendable, Equatable {
    /// Column names, in order.
    public var columns: [String]
    /// One array per row, one entry per column; `nil` is SQL NULL.
    public var rows: [[String?]]
    /// The command tag, e.g. `INSERT 0 1` or `SELECT 2`.
    public var commandStatus: String

    public init(columns: [String], rows: [[String?]], commandStatus: String) {
        self.columns = columns
        self.rows = rows
        self.commandStatus = commandStatus
    }

    /// The value of the first column of the first row, for one-value queries such as `SHOW`.
    public var scalar: String? {
        rows.first?.first ?? nil
    }

    /// The value in `row` under the column named `column`, or nil when absent or NULL.
    public func value(row: Int, column: String) -> String? {
        guard rows.indices.contains(row), let index = columns.firstIndex(of: column) else { return nil }
        return rows[row][index]
    }
}
