/// The handling lifecycle of a deviation (avviksbehandling), each transition by a named person.
public enum DeviationStatus: String, Codable, Sendable, CaseIterable, Hashable {
    /// Registrert.
    case registered
    /// Kvittert — acknowledged by the coordinator.
    case acknowledged
    /// Under behandling — cause analysis started.
    case underTreatment = "under_treatment"
    /// Tiltak besluttet.
    case measureDecided = "measure_decided"
    /// Lukket — with verification that the measure works.
    case closed

    /// The only status a deviation may move to from this one (`nil` when closed).
    ///
    /// The lifecycle is strictly linear: skipping cause analysis is exactly the unsystematic
    /// handling SIK asks us to stop.
    public var next: DeviationStatus? {
        switch self {
        case .registered: .acknowledged
        case .acknowledged: .underTreatment
        case .underTreatment: .measureDecided
        case .measureDecided: .closed
        case .closed: nil
        }
    }

    /// Whether moving from this status to `target` is a valid single transition.
    public func canMove(to target: DeviationStatus) -> Bool { next == target }
}
