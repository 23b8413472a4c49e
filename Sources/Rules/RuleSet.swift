public import VaktloggCore

/// The configurable part of the rules, as one versioned value: risk bands, the
/// band→restrictiveness table, classifier thresholds, deadlines and category defaults.
///
/// What the strategy fixes — the interest tiers and the strict rules — is deliberately not here,
/// so no installation's file can make an order-motivated measure outweigh life or health.
/// A change of any value is a new `version`; entries keep the version (and `hash`) they were
/// judged under. JSON field names are snake_case; `vaktlogg rules show --json` prints them.
public struct RuleSet: Codable, Sendable, Hashable {
    /// The version label, e.g. `ksf-2006.1`.
    public var version: String
    /// Score ranges per band, ascending, covering every achievable score (1–25) exactly once.
    public var riskBands: [BandRange]
    /// The most restrictive measure each assessment band supports.
    public var restrictivenessLimits: RestrictivenessLimits
    /// From which restrictiveness a current individual risk assessment is required.
    public var assessmentRequiredFrom: Int
    /// Serious-crime threshold: maximum penalty (years) that must be *exceeded*.
    public var seriousCrimePenaltyYearsAbove: Double
    /// Organised-crime thresholds (EU criteria).
    public var organisedCrime: OrganisedCrimeRules
    /// Deadlines (domain.md §6).
    public var deadlines: DeadlineRules
    /// The interests each category threatens by default.
    public var categoryDefaults: CategoryDefaults
    /// Which reading of the rules contract the set is judged under: absent (`nil`) is revision 1,
    /// the reading of `ksf-2006.1`; 2 is the reading of issue 14 (`ksf-2006.2`): only an
    /// order-motivated measure burdening tier 1 is strict, every communication ground but
    /// `security` is rejected, a P1 incident overtakes an assessment, and the 5-minute P1
    /// acknowledgement applies to incidents and threat events only. Optional so that a set written
    /// before it existed keeps its canonical JSON and hash.
    public var contractRevision: Int?
    /// The decision types significant for public safety by default (goal 8); absent in sets of
    /// revision 1, where significance was whatever the decision said.
    public var significantDecisionTypes: [DecisionType]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version
        case riskBands = "risk_bands"
        case restrictivenessLimits = "restrictiveness_limits"
        case assessmentRequiredFrom = "assessment_required_from_restrictiveness"
        case seriousCrimePenaltyYearsAbove = "serious_crime_penalty_years_above"
        case organisedCrime = "organised_crime"
        case deadlines
        case categoryDefaults = "category_defaults"
        case contractRevision = "contract_revision"
        case significantDecisionTypes = "significant_decision_types"
    }

    /// The newest contract revision this build judges by.
    public static let latestContractRevision = 2

    /// The contract revision in force: `contractRevision`, 1 when the set does not name one.
    public var revision: Int { contractRevision ?? 1 }

    /// A rule set from its parts (use `RuleSet.load(json:)` for untrusted input: it validates).
    public init(
        version: String, riskBands: [BandRange], restrictivenessLimits: RestrictivenessLimits,
        assessmentRequiredFrom: Int, seriousCrimePenaltyYearsAbove: Double, organisedCrime: OrganisedCrimeRules,
        deadlines: DeadlineRules, categoryDefaults: CategoryDefaults, contractRevision: Int? = nil,
        significantDecisionTypes: [DecisionType]? = nil
    ) {
        self.version = version
        self.riskBands = riskBands
        self.restrictivenessLimits = restrictivenessLimits
        self.assessmentRequiredFrom = assessmentRequiredFrom
        self.seriousCrimePenaltyYearsAbove = seriousCrimePenaltyYearsAbove
        self.organisedCrime = organisedCrime
        self.deadlines = deadlines
        self.categoryDefaults = categoryDefaults
        self.contractRevision = contractRevision
        self.significantDecisionTypes = significantDecisionTypes
    }

    /// The band of a risk score, or `nil` when no band covers it (impossible for a valid set and
    /// an achievable score).
    public func band(forScore score: Int) -> RiskBand? {
        riskBands.first { $0.min <= score && score <= $0.max }?.band
    }
}

/// The score range of one risk band.
public struct BandRange: Codable, Sendable, Hashable {
    /// The band.
    public var band: RiskBand
    /// Lowest score in the band.
    public var min: Int
    /// Highest score in the band.
    public var max: Int

    /// A range.
    public init(band: RiskBand, min: Int, max: Int) {
        self.band = band
        self.min = min
        self.max = max
    }
}

/// The most restrictive measure (0–4) each assessment band supports.
public struct RestrictivenessLimits: Codable, Sendable, Hashable {
    /// Limit for a low-risk person.
    public var low: Int
    /// Limit for a moderate-risk person.
    public var moderate: Int
    /// Limit for a high-risk person.
    public var high: Int
    /// Limit for a critical-risk person.
    public var critical: Int

    /// A table.
    public init(low: Int, moderate: Int, high: Int, critical: Int) {
        self.low = low
        self.moderate = moderate
        self.high = high
        self.critical = critical
    }

    /// The limit for `band`.
    public subscript(band: RiskBand) -> Int {
        switch band {
        case .low: low
        case .moderate: moderate
        case .high: high
        case .critical: critical
        }
    }
}

/// The EU organised-crime thresholds.
public struct OrganisedCrimeRules: Codable, Sendable, Hashable {
    /// How many of the criteria 1–11 must be present.
    public var minimumCriteria: Int
    /// Criteria that must all be present, ascending.
    public var requiredCriteria: [Int]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumCriteria = "minimum_criteria"
        case requiredCriteria = "required_criteria"
    }

    /// Thresholds.
    public init(minimumCriteria: Int, requiredCriteria: [Int]) {
        self.minimumCriteria = minimumCriteria
        self.requiredCriteria = requiredCriteria
    }
}

/// Per kind, per category code, the interests threatened by default.
public struct CategoryDefaults: Codable, Sendable, Hashable {
    /// Incident categories.
    public var incident: [String: [Interest]]
    /// Deviation categories.
    public var deviation: [String: [Interest]]
    /// Manipulation methods.
    public var manipulation: [String: [Interest]]
    /// Threat types.
    public var threat: [String: [Interest]]

    /// A table.
    public init(
        incident: [String: [Interest]], deviation: [String: [Interest]], manipulation: [String: [Interest]],
        threat: [String: [Interest]]
    ) {
        self.incident = incident
        self.deviation = deviation
        self.manipulation = manipulation
        self.threat = threat
    }

    /// The table for `kind`.
    public subscript(kind: EntryKind) -> [String: [Interest]] {
        get {
            switch kind {
            case .incident: incident
            case .deviation: deviation
            case .manipulation: manipulation
            case .threat: threat
            }
        }
        set {
            switch kind {
            case .incident: incident = newValue
            case .deviation: deviation = newValue
            case .manipulation: manipulation = newValue
            case .threat: threat = newValue
            }
        }
    }

    /// The default interests of `category` (empty for `other`).
    public func interests(for category: EntryCategory) -> [Interest] {
        self[category.kind][category.code] ?? []
    }
}
