public import VaktloggCore

/// Whether a threat event needs a recorded decision on informing the police.
public struct PoliceEvaluation: Sendable, Hashable {
    /// Required ⇔ organised crime by the criteria, or an INFOFLYT subject.
    public var decisionRequired: Bool
    /// The deadline in hours when required (24 by default), else `nil`.
    public var deadlineHours: Int?
    /// How it was reached (the organised-crime step first).
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// The police-information rule (Samarbeid med politiet, INFOFLYT).
    public func policeDecision(organisedCrimeCriteria: [Int], infoflytSubject: Bool) throws(ValidationError) -> PoliceEvaluation {
        let organised: OrganisedCrimeEvaluation
        do {
            organised = try organisedCrime(criteria: organisedCrimeCriteria)
        } catch {
            throw ValidationError(code: error.code, field: "threat.organised_crime_" + error.field, message: error.message)
        }
        let required = organised.organised || infoflytSubject
        let hours = required ? ruleSet.deadlines.policeDecisionHours : nil
        let trace = organised.trace + [step(.police, [
            "organised_crime": .bool(organised.organised), "infoflyt_subject": .bool(infoflytSubject),
        ], .object(["decision_required": .bool(required), "deadline_hours": hours.map { .int($0) } ?? .null]))]
        return PoliceEvaluation(decisionRequired: required, deadlineHours: hours, trace: trace)
    }
}
