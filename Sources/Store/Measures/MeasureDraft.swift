public import Rules
public import VaktloggCore

/// A measure a security coordinator wants to record on an entry (and, when restrictive, a person).
public struct MeasureDraft: Sendable, Hashable {
    /// What kind of measure.
    public var type: MeasureType
    /// The interest it serves.
    public var purpose: Interest
    /// The interests it burdens.
    public var burdens: [Interest]
    /// How restrictive it is, 0–4.
    public var restrictiveness: Restrictiveness
    /// The ground of a communication restriction.
    public var ground: CommunicationGround?
    /// The justification of a departure from a main rule.
    public var justification: String?
    /// The effect on rehabilitation, when the measure burdens it.
    public var rehabilitationNote: String?
    /// A free-text description.
    public var description: String?
    /// The person the measure is directed at (pseudonymous reference); required from restrictiveness 2.
    public var person: String?

    /// A draft with the fields every measure has.
    public init(type: MeasureType, purpose: Interest, burdens: [Interest], restrictiveness: Restrictiveness) {
        self.type = type
        self.purpose = purpose
        self.burdens = burdens
        self.restrictiveness = restrictiveness
    }
}

/// The result of recording a measure.
public struct MeasureResult: Sendable, Hashable {
    /// The stored measure.
    public let id: Int64
    /// The rules' outcome (always ``Outcome/allowed`` for a stored measure: anything else is refused).
    public let outcome: Outcome
    /// True when the measure departs from a main rule with a recorded justification (stored
    /// outcome `justified`).
    public var isJustifiedDeparture: Bool { violations.contains { $0.justified } }
    /// The rules' violations, justified ones included.
    public let violations: [Violation]
    /// The individual risk assessment the measure was judged against, if any.
    public let assessmentID: Int64?
    /// The outcome as stored in `measures.outcome`: `justified` or `allowed`.
    public var storedOutcome: String { isJustifiedDeparture ? "justified" : "allowed" }
}
