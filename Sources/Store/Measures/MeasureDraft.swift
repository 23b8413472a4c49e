public import Rules
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
