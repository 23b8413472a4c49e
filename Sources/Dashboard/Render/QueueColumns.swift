/// The queue table's column widths for a terminal width: every column fits at 80 (labels cut with
/// `…`), and from 100 columns the labels are whole and a text column takes what is left.
struct QueueColumns: Equatable {
    var priority = 3, age = 5, kind = 8, category = 0, unit = 5, status = 10, assignee = 9, due = 12, text = 0

    /// Columns for a terminal `width`; `unitWidth` is the longest unit code shown (kept whole up to 10).
    init(width: Int, unitWidth: Int = 5) {
        unit = min(10, max(5, unitWidth))
        if width >= 100 {
            kind = 12
            status = 16
            assignee = 10
        }
        // A leading space and one space between columns.
        let gaps = 1 + 7 + (width >= 100 ? 1 : 0)
        let rest = max(4, width - gaps - priority - age - kind - unit - status - assignee - due)
        if width >= 100, rest - 28 >= 12 {
            category = 28
            text = rest - 28
        } else {
            category = rest
        }
    }
}
