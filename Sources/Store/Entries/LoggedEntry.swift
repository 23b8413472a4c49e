import Foundation
public import VaktloggCore

/// The result of logging an entry: what the officer needs to see at once.
public struct LoggedEntry: Sendable {
    public let id: Int64
    /// The human reference, e.g. `OSLO-142`.
    public let ref: String
    public let unit: String
    public let priority: Priority
    public let riskScore: Int
    public let band: RiskBand
    public let interests: [Interest]
    public let rulesVersion: String
    /// Rule outcomes that need action (deadlines, police decision, organised crime).
    public let actions: [LocalizedText]
    /// True when this draft (same idempotency key) had already been stored: nothing new was written.
    public let alreadyStored: Bool
}
