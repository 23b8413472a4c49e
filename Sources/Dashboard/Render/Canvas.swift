/// Where the renderer draws: a grid of cells. ``GridCanvas`` keeps them in memory for tests,
/// ``NcursesCanvas`` writes them to the terminal. Text is placed by terminal cells (``TextWidth``),
/// and whatever would pass the right edge is clipped.
public protocol Canvas: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    /// Blanks every cell.
    func clear()
    /// Writes `text` from (`row`, `column`), clipped at the right edge; a wide character that does
    /// not fit whole is left out.
    func draw(_ text: String, row: Int, column: Int, style: CellStyle)
}

extension Canvas {
    /// Fills `row` with spaces in `style` (a bar's background), then draws `text` on it.
    public func bar(_ text: String, row: Int, style: CellStyle) {
        draw(TextWidth.pad(text, to: columns), row: row, column: 0, style: style)
    }
}
