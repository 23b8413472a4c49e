/// The fixed rows of each screen. Shared by the reducer (page size, keeping the selection in view)
/// and the renderer, so PgDn moves exactly one screenful of what is drawn.
public enum DashboardLayout {
    /// Row 0: status bar. Row 1: title/filter line. Row 2: table header. Last row: hint bar.
    public static let queueFirstBodyRow = 3
    /// Row 0: status bar. Row 1: title. Last row: hint bar.
    public static let detailFirstBodyRow = 2

    /// How many queue rows fit on a screen of `rows` lines (at least one).
    public static func queueBodyRows(_ rows: Int) -> Int { max(1, rows - queueFirstBodyRow - 1) }

    /// How many detail lines fit on a screen of `rows` lines (at least one).
    public static func detailBodyRows(_ rows: Int) -> Int { max(1, rows - detailFirstBodyRow - 1) }
}
