public import VaktloggCore

/// What the serious-crime classifier can say. It never guesses: outside the prioritised
/// offence groups above the penalty threshold, Riksadvokaten calls for an overall assessment.
public enum SeriousCrimeResult: String, Codable, Sendable, CaseIterable, Hashable {
    /// Prioritised as serious (violence, sexual or narcotics; maximum penalty above 6 years).
    case serious
    /// Needs an overall manual assessment (helhetsvurdering) by a person.
    case manualAssessment = "manual_assessment"
}

/// A serious-crime classification.
public struct SeriousCrimeEvaluation: Sendable, Hashable {
    /// The classification.
    public var result: SeriousCrimeResult
    /// How it was reached.
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// Serious ⇔ the offence is violence, sexual or narcotics and the maximum penalty is strictly
    /// above the threshold (6 years). Throws for a negative or non-finite penalty.
    public func seriousCrime(offence: OffenceKind, maxPenaltyYears: Double) throws(ValidationError) -> SeriousCrimeEvaluation {
        guard maxPenaltyYears.isFinite, maxPenaltyYears >= 0 else {
            throw ValidationError(code: .outOfRange, field: "max_penalty_years", message: Msg.atLeast(0))
        }
        let threshold = ruleSet.seriousCrimePenaltyYearsAbove
        let serious = offence.isPrioritisedGroup && maxPenaltyYears > threshold
        let result: SeriousCrimeResult = serious ? .serious : .manualAssessment
        let trace = [step(.seriousCrime, [
            "offence": .string(offence.rawValue), "max_penalty_years": .number(maxPenaltyYears),
            "prioritised_group": .bool(offence.isPrioritisedGroup), "penalty_years_above": .number(threshold),
        ], .string(result.rawValue))]
        return SeriousCrimeEvaluation(result: result, trace: trace)
    }
}
