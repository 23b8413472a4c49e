import Foundation
public import VaktloggCore

/// A lifecycle step of an entry (domain.md §5). The database checks who may record it and in which
/// state; the cases carry what each step needs.
public enum LifecycleEvent: Sendable, Hashable {
    case acknowledge
    case assign(to: String)
    case comment(String)
    /// Deviation: treatment starts with a cause analysis.
    case startTreatment(cause: String)
    /// Deviation: the measure decided, who is responsible and by when.
    case decideMeasure(measure: String, responsible: String, due: CalendarDate)
    /// Closing; a deviation needs the verification that the measure works.
    case close(verification: String?)
    case reopen(reason: String)
    case supervisionOffered
    case supervisionHeld
    /// Threat: intelligence grading and risk.
    case assessThreat(source: SourceReliability, credibility: InformationCredibility, probability: Int, consequence: Int)
    /// Threat: whether to inform the police, with the justification.
    case policeDecision(inform: Bool, justification: String)
    case escalate(reason: String)

    /// The event codes stored in `entry_events.event`.
    public enum Code: String, Sendable, Hashable, CaseIterable, Codable {
        case acknowledge
        case assign
        case comment
        case treatmentStarted = "treatment_started"
        case measureDecided = "measure_decided"
        case close
        case reopen
        case supervisionOffered = "supervision_offered"
        case supervisionHeld = "supervision_held"
        case threatAssessed = "threat_assessed"
        case policeDecision = "police_decision"
        case escalated
    }

    /// The event's code.
    public var eventCode: Code {
        switch self {
        case .acknowledge: .acknowledge
        case .assign: .assign
        case .comment: .comment
        case .startTreatment: .treatmentStarted
        case .decideMeasure: .measureDecided
        case .close: .close
        case .reopen: .reopen
        case .supervisionOffered: .supervisionOffered
        case .supervisionHeld: .supervisionHeld
        case .assessThreat: .threatAssessed
        case .policeDecision: .policeDecision
        case .escalate: .escalated
        }
    }

    /// The event code stored in `entry_events.event`.
    public var code: String { eventCode.rawValue }
}
