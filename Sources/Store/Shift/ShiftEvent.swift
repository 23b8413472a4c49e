/// What a row of the shift log records (`shift_log.event`).
public enum ShiftEvent: String, Sendable, Hashable, Codable, CaseIterable {
    /// An officer starts a shift in a unit.
    case start
    /// A free-text note during the shift.
    case note
    /// The outgoing officer hands over, with a generated summary.
    case handover
    /// The incoming officer accepts a handover; this also starts their shift.
    case accept
}
