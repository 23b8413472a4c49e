public import Foundation
public import Rules
public import VaktloggCore
import VaktloggText

/// What the rules module says about a draft: its interests, risk, priority, deadlines and whether
/// the police must be considered, with the trace that explains each step.
public struct EntryJudgement: Sendable {
    /// The threatened interests (category defaults plus those given).
    public let interests: [Interest]
    /// Risk = probability × consequence, banded.
    public let risk: RiskEvaluation
    /// The triage priority.
    public let priority: Priority
    /// The deadlines the rules set.
    public let deadlines: [Deadline]
    /// The organised-crime classification (threats).
    public let organisedCrime: OrganisedCrimeEvaluation?
    /// Whether a police-information decision is required (threats).
    public let police: PoliceEvaluation?
    /// How the rules reached all this.
    public let trace: [TraceStep]
    /// The rule set's version.
    public let rulesVersion: String
    /// The rule set's hash.
    public let rulesHash: String

    /// Judges a validated draft. `reportedAt` anchors the deadlines.
    public init(draft: EntryDraft, reportedAt: Date, occurredAt: Date, engine: RulesEngine) throws(ValidationError) {
        let category = EntryCategory(kind: draft.kind, code: draft.category)
        interests = engine.interests(for: category, given: draft.interests)
        guard let priority = Priority(interests: interests) else {
            throw ValidationError(code: .required, field: "interests", message: InputText.interestRequired)
        }
        self.priority = priority
        risk = try engine.risk(probability: draft.probability ?? 0, consequence: draft.consequence ?? 0)
        var trace = risk.trace
        trace.append(contentsOf: try engine.triage([TriageEntry(
            id: "entry", interests: interests, probability: draft.probability ?? 0,
            consequence: draft.consequence ?? 0, occurredAt: occurredAt)]).trace)
        if draft.kind == .threat {
            // INFOFLYT is the reporter's statement or a flag on a person (applied by the database
            // when the person is added), never inferred from where the information came from.
            let oc = draft.organisedCrimeCriteria.isEmpty ? nil : try engine.organisedCrime(criteria: draft.organisedCrimeCriteria)
            let police = try engine.policeDecision(organisedCrimeCriteria: draft.organisedCrimeCriteria,
                                                   infoflytSubject: draft.infoflyt ?? false)
            organisedCrime = oc
            self.police = police
            // The police check already traces the organised-crime judgement it rests on.
            if !police.trace.contains(where: { $0.rule == .organisedCrime }) { trace.append(contentsOf: oc?.trace ?? []) }
            trace.append(contentsOf: police.trace)
        } else {
            organisedCrime = nil
            police = nil
        }
        let deadlines = engine.deadlines(for: DeadlineInput(
            kind: draft.kind, interests: interests, occurredAt: occurredAt, reportedAt: reportedAt,
            policeDecisionRequired: police?.decisionRequired ?? false))
        self.deadlines = deadlines.deadlines
        trace.append(contentsOf: deadlines.trace)
        self.trace = trace
        rulesVersion = engine.version
        rulesHash = engine.ruleSetHash
    }

    /// The rule outcomes the reporter must act on or know about, in the user's language.
    public var actions: [LocalizedText] {
        var out = deadlines.compactMap { EntryText.action($0.what, due: OsloTime.format($0.due)) }
        if organisedCrime?.organised == true { out.append(EntryText.organisedCrimeMet) }
        return out
    }

    /// Deadlines as stored in `entries.deadlines` (read by the projection trigger).
    public var deadlinesJSON: String {
        let items = deadlines.map { d in
            JSONValue.object(["what": .string(d.what.rawValue), "due": .string(Timestamp.format(d.due)),
                              "rule": .string(d.rule.rawValue)]) }
        return JSONValue.array(items).canonicalJSON
    }
}
