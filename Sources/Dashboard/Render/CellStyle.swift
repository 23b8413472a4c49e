/// What a cell means, not how it looks: each canvas maps it to colours, or to attributes and marks
/// on a monochrome terminal (`NO_COLOR`, `TERM=vt100`).
public enum CellStyle: Sendable, Hashable, CaseIterable {
    case normal
    case statusBar
    case title
    case header
    case selected
    /// A P1 entry's priority cell.
    case urgent
    /// A deadline that has passed.
    case overdue
    /// The stale mark after the connection was lost.
    case stale
    case hint
    case section
}
