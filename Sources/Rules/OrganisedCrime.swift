public import VaktloggCore

/// The organised-crime classification of a group by the EU criteria.
public struct OrganisedCrimeEvaluation: Sendable, Hashable {
    /// Whether the criteria make it organised crime.
    public var organised: Bool
    /// How many criteria are present.
    public var count: Int
    /// Required criteria (1, 3, 5, 11 by default) that are absent, ascending.
    public var missingRequired: [Int]
    /// How it was reached.
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// The criteria numbers of the EU list in the strategy.
    public static let organisedCrimeCriteria = 1...11

    /// Organised ⇔ at least `minimumCriteria` (6) present and all `requiredCriteria` (1, 3, 5, 11).
    ///
    /// Throws for a criterion outside 1–11 or given twice (a duplicate would inflate the count).
    public func organisedCrime(criteria: [Int]) throws(ValidationError) -> OrganisedCrimeEvaluation {
        var seen = Set<Int>()
        for (i, c) in criteria.enumerated() {
            guard Self.organisedCrimeCriteria.contains(c) else {
                throw ValidationError(code: .outOfRange, field: "criteria[\(i)]", message: Msg.range(Self.organisedCrimeCriteria))
            }
            guard seen.insert(c).inserted else {
                throw ValidationError(code: .duplicate, field: "criteria[\(i)]", message: Msg.duplicateValue)
            }
        }
        return classifyOrganised(seen)
    }

    func classifyOrganised(_ present: Set<Int>) -> OrganisedCrimeEvaluation {
        let rules = ruleSet.organisedCrime
        let missing = rules.requiredCriteria.filter { !present.contains($0) }.sorted()
        let organised = present.count >= rules.minimumCriteria && missing.isEmpty
        let trace = [step(.organisedCrime, [
            "criteria": .ints(present.sorted()), "minimum": .int(rules.minimumCriteria),
            "required": .ints(rules.requiredCriteria),
        ], .object(["organised": .bool(organised), "count": .int(present.count), "missing_required": .ints(missing)]))]
        return OrganisedCrimeEvaluation(organised: organised, count: present.count, missingRequired: missing, trace: trace)
    }
}
