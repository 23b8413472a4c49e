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

    private let layout: Row.Layout
    private let cells: [String?]

    init(columns: [Column], cells: [String?], affectedRows: Int?, commandTag: String) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
        self.commandTag = commandTag
        self.layout = Row.Layout(columns: columns)
    }

    static let empty = QueryResult(columns: [], cells: [], affectedRows: nil, commandTag: "")

    /// Number of rows.
    public var count: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    /// The rows, in order.
    public var rows: [Row] {
        guard !columns.isEmpty else { return [] }
        let width = columns.count
        return (0..<count).map { Row(layout: layout, cells: cells[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// The first row, if any.
    public var first: Row? { count > 0 ? Row(layout: layout, cells: cells[0..<columns.count]) : nil }
}
