/// An in-memory canvas: what the terminal would show, cell by cell, for tests to read back.
public final class GridCanvas: Canvas {
    /// One terminal cell. The right half of a wide character is a cell with `character == nil`.
    public struct Cell: Hashable, Sendable {
        public var character: Character?
        public var style: CellStyle
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [[Cell]]

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Cell(character: " ", style: .normal), count: columns), count: rows)
    }

    public func clear() {
        for r in 0..<rows {
            for c in 0..<columns { cells[r][c] = Cell(character: " ", style: .normal) }
        }
    }

    public func draw(_ text: String, row: Int, column: Int, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        var c = max(0, column)
        for ch in text {
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            guard c + w <= columns else { break }
            put(ch, row: row, column: c, style: style)
            if w == 2 { put(nil, row: row, column: c + 1, style: style) }
            c += w
        }
    }

    /// Writes one cell, blanking the other half of a wide character it overwrites.
    private func put(_ ch: Character?, row: Int, column: Int, style: CellStyle) {
        if cells[row][column].character == nil, column > 0, ch != nil {
            cells[row][column - 1].character = " "
        }
        if column + 1 < columns, cells[row][column + 1].character == nil, ch != nil {
            cells[row][column + 1].character = " "
        }
        cells[row][column] = Cell(character: ch, style: style)
    }

    /// The text of `row` as the terminal shows it (a wide character once, for its two cells).
    public func line(_ row: Int) -> String {
        String(cells[row].compactMap(\.character))
    }

    /// The text in `count` cells of `row` from `column`.
    public func text(row: Int, column: Int, count: Int) -> String {
        String(cells[row][column..<min(columns, column + count)].compactMap(\.character))
    }

    /// The style of one cell.
    public func style(row: Int, column: Int) -> CellStyle { cells[row][column].style }

    /// Every row, for a failing test's message.
    public var screen: String { (0..<rows).map(line).joined(separator: "\n") }
}
