import Foundation
public import VaktloggCore

/// The result of logging an entry: what the officer needs to see at once.
public struct LoggedEntry: Sendable {
    /// The entry's id.
    public let id: Int64
    /// The human reference, e.g. `OSLO-142`.
    public let ref: String
    /// The unit it was logged in.
    public let unit: String
    /// Its priority.
    public let priority: Priority
    /// Its risk score.
    public let riskScore: Int
    /// Its risk band.
    public let band: RiskBand
    /// Its threatened interests.
    public let interests: [Interest]
    /// The version of the rule set that judged it.
    public let rulesVersion: String
    /// Rule outcomes that need action (deadlines, police decision, organised crime).
    public let actions: [LocalizedText]
    /// True when this draft (same idempotency key) had already been stored: nothing new was written.
    public let alreadyStored: Bool
}
