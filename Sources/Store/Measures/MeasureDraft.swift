public import VaktloggCore

/// A measure a security coordinator wants to record on an entry (and, when restrictive, a person).
public struct MeasureDraft: Sendable, Hashable {
    public var type: MeasureType
    public var purpose: Interest
    public var burdens: [Interest]
    public var restrictiveness: Restrictiveness
    public var ground: CommunicationGround?
    public var justification: String?
    public var rehabilitationNote: String?
    public var description: String?
    /// The person the measure is directed at (pseudonymous reference); required from restrictiveness 2.
    public var person: String?

    public init(type: MeasureType, purpose: Interest, burdens: [Interest], restrictiveness: Restrictiveness) {
        self.type = type
        self.purpose = purpose
        self.burdens = burdens
        self.restrictiveness = restrictiveness
    }
}

/// The result of checking or recording a measure.
public struct MeasureResult: Sendable {
    public let id: Int64?
    public let outcome: String
    /// The rules' violations, justified ones included, as `(rule, kind, reason, justified)`.
    public let violations: [(rule: String, kind: String, reason: String, justified: Bool)]
    public let assessmentID: Int64?
}
