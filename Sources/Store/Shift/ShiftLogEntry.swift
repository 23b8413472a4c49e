public import Foundation

/// One row of the shift log: who did what, when, in which unit. The actor and time are set by the
/// database (`session_user`, `now()`), never by the client.
///
/// JSON: `{"id", "unit", "event", "actor", "actor_name", "at", "text", "summary", "handover_id"}`.
public struct ShiftLogEntry: Sendable, Hashable, Encodable {
    /// The row.
    public let id: Int64
    /// The unit.
    public let unit: String
    /// What happened.
    public let event: ShiftEvent
    /// The login name of the officer who recorded it.
    public let actor: String
    /// The officer's full name, when the account has one.
    public let actorName: String?
    /// When (database time).
    public let at: Date
    /// A note's text.
    public let text: String?
    /// A handover's summary.
    public let summary: HandoverSummary?
    /// For an accept: the handover accepted.
    public let handoverID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, unit, event, actor, at, text, summary
        case actorName = "actor_name"
        case handoverID = "handover_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(unit, forKey: .unit)
        try c.encode(event, forKey: .event)
        try c.encode(actor, forKey: .actor)
        try c.encode(actorName, forKey: .actorName)
        try c.encode(at, forKey: .at)
        try c.encode(text, forKey: .text)
        try c.encode(summary, forKey: .summary)
        try c.encode(handoverID, forKey: .handoverID)
    }
}
