/// The complete result of one statement, copied out of libpq (so it outlives the `PGresult`
/// and may cross threads).
public struct QueryResult: Sendable {
    /// A result column: its name and type.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var dataType: PostgresDataType
    }

    /// The result's columns, in order. Empty for commands that return no rows.
    public let columns: [Column]
    /// Rows affected or returned, as the server's command tag reports it (`INSERT 0 3` → 3);
    /// nil for commands that report none (`CREATE TABLE`).
    public let affectedRows: Int?
    /// The command tag, such as `INSERT 0 3` or `SELECT 2`.
    public let commandTag: String

    /// The rows, in order. They share one cell buffer with the result.
    public let rows: [Row]

    init(columns: [Column], cells: [String?], affectedRows: Int?, commandTag: String) {
        self.columns = columns
        self.affectedRows = affectedRows
        self.commandTag = commandTag
        let layout = Row.Layout(columns: columns)
        let width = columns.count
        rows = width == 0 ? [] : (0..<(cells.count / width)).map {
            Row(layout: layout, cells: cells[($0 * width)..<(($0 + 1) * width)])
        }
    }

    static let empty = QueryResult(columns: [], cells: [], affectedRows: nil, commandTag: "")

    /// Number of rows.
    public var count: Int { rows.count }

    /// The first row, if any.
    public var first: Row? { rows.first }
}
