public import Foundation
public import VaktloggCore

/// What a deadline is for.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// A P1 entry acknowledged (else escalated).
    case p1Acknowledge = "p1_acknowledge"
    /// A deviation acknowledged.
    case deviationAcknowledge = "deviation_acknowledge"
    /// A deviation's treatment (cause analysis) started.
    case deviationTreatment = "deviation_treatment"
    /// A deviation closed.
    case deviationClose = "deviation_close"
    /// A manipulation report reviewed by the coordinator.
    case manipulationReview = "manipulation_review"
    /// Supervision held with the staff member.
    case manipulationSupervision = "manipulation_supervision"
    /// A threat event assessed.
    case threatAssessment = "threat_assessment"
    /// A decision on informing the police.
    case policeDecision = "police_decision"
}

/// A due time.
public struct Deadline: Codable, Sendable, Hashable {
    /// What is due.
    public var what: DeadlineKind
    /// When.
    public var due: Date
    /// The rule that sets it.
    public var rule: RuleID
}

/// An entry as the deadline rules see it.
public struct DeadlineInput: Sendable, Hashable {
    /// The entry kind.
    public var kind: EntryKind
    /// The interests it threatens (category defaults merged in).
    public var interests: [Interest]
    /// When it occurred.
    public var occurredAt: Date
    /// When it was reported (logged).
    public var reportedAt: Date
    /// Whether the police rule requires a decision (threats only).
    public var policeDecisionRequired: Bool

    /// An entry.
    public init(kind: EntryKind, interests: [Interest], occurredAt: Date, reportedAt: Date, policeDecisionRequired: Bool = false) {
        self.kind = kind
        self.interests = interests
        self.occurredAt = occurredAt
        self.reportedAt = reportedAt
        self.policeDecisionRequired = policeDecisionRequired
    }
}

/// The deadlines that apply to an entry.
public struct DeadlineEvaluation: Sendable, Hashable {
    /// The entry's priority (from its weightiest interest), `nil` when it has no interests.
    public var priority: Priority?
    /// Due times, in the order of domain.md §6.
    public var deadlines: [Deadline]
    /// How they were reached.
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// The deadlines of domain.md §6 for an entry.
    ///
    /// Every deadline runs from `reportedAt`: the organisation cannot respond to what it does not
    /// yet know, and an event logged late (e.g. by an integration) must still get its full time.
    public func deadlines(for e: DeadlineInput) -> DeadlineEvaluation {
        let d = ruleSet.deadlines
        let priority = Priority(interests: e.interests)
        let tier1 = priority == .p1
        var out: [Deadline] = []
        func add(_ what: DeadlineKind, _ rule: RuleID, seconds: Int) {
            out.append(Deadline(what: what, due: e.reportedAt.addingTimeInterval(TimeInterval(seconds)), rule: rule))
        }
        // The 5-minute acknowledgement is for acute events; under revision 2 a P1 deviation or
        // manipulation report follows its own deadlines instead.
        if tier1 && (ruleSet.revision < 2 || e.kind == .incident || e.kind == .threat) {
            add(.p1Acknowledge, .p1Acknowledge, seconds: d.p1AcknowledgeMinutes * 60)
        }
        switch e.kind {
        case .deviation:
            add(.deviationAcknowledge, .deviationHandling, seconds: d.deviationAcknowledgeHours * 3600)
            add(.deviationTreatment, .deviationHandling, seconds: d.deviationTreatmentDays * 86_400)
            add(.deviationClose, .deviationHandling, seconds: d.deviationCloseDays * 86_400)
        case .manipulation:
            add(.manipulationReview, .manipulationFollowUp, seconds: d.manipulationReviewDays * 86_400)
            add(.manipulationSupervision, .manipulationFollowUp, seconds: d.manipulationSupervisionDays * 86_400)
        case .threat:
            add(.threatAssessment, .threatAssessment, seconds: (tier1 ? d.threatAssessTier1Hours : d.threatAssessHours) * 3600)
            if e.policeDecisionRequired { add(.policeDecision, .police, seconds: d.policeDecisionHours * 3600) }
        case .incident:
            break
        }
        let trace = out.map { dl in
            step(dl.rule, [
                "kind": .string(e.kind.rawValue), "priority": priority.map { .string($0.rawValue) } ?? .null,
                "reported_at": .string(Timestamp.format(e.reportedAt)),
            ], .object(["what": .string(dl.what.rawValue), "due": .string(Timestamp.format(dl.due))]))
        }
        return DeadlineEvaluation(priority: priority, deadlines: out, trace: trace)
    }

    /// The last date an individual risk assessment made on `assessedAt` is current (180 days on).
    /// It must also be renewed after any P1 incident involving the person — see
    /// `assessmentRenewalRequired`.
    public func assessmentRenewalDue(assessedAt: CalendarDate) -> CalendarDate {
        CalendarDate(dayNumber: assessedAt.dayNumber + ruleSet.deadlines.riskAssessmentRenewalDays)
    }

    /// Whether a person's assessment must be renewed on `date`: it is no longer current, or a P1
    /// incident involving the person happened on a later date than it was made (the same rule the
    /// measure check applies; one on the same day does not count, see `isOvertakenByP1`).
    public func assessmentRenewalRequired(assessedAt: CalendarDate, on date: CalendarDate, lastP1Incident: CalendarDate?) -> Bool {
        if !isAssessmentCurrent(assessedAt: assessedAt, on: date) { return true }
        if let p1 = lastP1Incident, p1 > assessedAt { return true }
        return false
    }
}
