import VaktloggCore

extension RuleSet {
    /// The rule set shipped with Vaktlogg: the figures of domain.md §3–§6, derived from the
    /// security strategy 2006–2010.
    public static let `default` = RuleSet(
        version: "ksf-2006.1",
        riskBands: [
            BandRange(band: .low, min: 1, max: 4),
            BandRange(band: .moderate, min: 5, max: 9),
            BandRange(band: .high, min: 10, max: 16),
            BandRange(band: .critical, min: 20, max: 25),
        ],
        restrictivenessLimits: RestrictivenessLimits(low: 1, moderate: 2, high: 3, critical: 4),
        assessmentRequiredFrom: 2,
        seriousCrimePenaltyYearsAbove: 6,
        organisedCrime: OrganisedCrimeRules(minimumCriteria: 6, requiredCriteria: [1, 3, 5, 11]),
        deadlines: DeadlineRules(
            p1AcknowledgeMinutes: 5, deviationAcknowledgeHours: 24, deviationTreatmentDays: 14,
            deviationCloseDays: 30, manipulationReviewDays: 3, manipulationSupervisionDays: 7,
            threatAssessTier1Hours: 4, threatAssessHours: 24, policeDecisionHours: 24,
            riskAssessmentRenewalDays: 180),
        categoryDefaults: CategoryDefaults(
            incident: [
                "violence_staff": [.lifeHealth, .security], "violence_inmate": [.lifeHealth, .security],
                "threat_staff": [.security], "self_harm": [.lifeHealth], "death": [.lifeHealth],
                "overdose": [.lifeHealth], "escape": [.publicSafety, .security], "abscond": [.publicSafety],
                "leave_breach": [.publicSafety], "transport": [.publicSafety, .security],
                "contraband_drugs": [.lifeHealth, .security], "contraband_phone": [.security],
                "contraband_weapon": [.lifeHealth, .security], "fire": [.lifeHealth], "hostage": [.lifeHealth],
                "unrest": [.security, .order], "damage": [.order], "infection": [.lifeHealth],
                "drone_throwover": [.security], "infosec_breach": [.security], "other": [],
            ],
            deviation: [
                "count_mismatch": [.security], "door_lock": [.security], "key_control": [.security],
                "search_missed": [.security], "staffing_below_minimum": [.security],
                "equipment_failure": [.security], "maintenance": [.security], "routine_breach": [.security],
                "hse": [.lifeHealth], "personal_data": [.security], "other": [],
            ],
            manipulation: Dictionary(uniqueKeysWithValues: ManipulationMethod.allCases.map { ($0.rawValue, [Interest.security]) }),
            threat: [
                "escape_plan": [.publicSafety, .security], "violence_plan": [.lifeHealth],
                "threat_staff": [.lifeHealth], "threat_staff_family": [.lifeHealth], "threat_inmate": [.lifeHealth],
                "hostage_plan": [.lifeHealth], "organised_crime": [.publicSafety], "radicalisation": [.publicSafety],
                "external_attack": [.lifeHealth, .publicSafety], "contraband_route": [.security], "cyber": [.security],
                "other": [],
            ]))
}
