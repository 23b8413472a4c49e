import VaktloggCore

extension RuleSet {
    /// The rule set new entries are judged by: `ksf-2006.2`.
    public static let `default` = ksf2006_2

    /// Every rule set this build ships, oldest first. Each stays registered in the database (the
    /// migrations write them) so that an entry keeps — and is explained under — the set it was
    /// judged by.
    public static let shipped: [RuleSet] = [ksf2006_1, ksf2006_2]

    /// The shipped set of `version`, or `nil`.
    public static func shipped(version: String) -> RuleSet? { shipped.first { $0.version == version } }

    /// `ksf-2006.2` (issue 14): `ksf-2006.1` read as the revised domain.md §3–§6 and rules contract
    /// say. Contract revision 2; `contraband_drugs` threatens `security` by default (the reporter
    /// adds `life_health` for an acute danger); the categories added to domain.md §5 get their
    /// defaults; the numbers agreed for measures over time, debriefing, unit assessments and source
    /// references; and the decision types significant for public safety by default.
    public static let ksf2006_2: RuleSet = {
        var set = ksf2006_1
        set.version = "ksf-2006.2"
        set.contractRevision = 2
        set.significantDecisionTypes = [.leave, .transferLower, .releaseProgression]
        set.deadlines.measureReviewHoursR4 = 24
        set.deadlines.measureReviewDaysR3 = 7
        set.deadlines.measureReviewDaysR2 = 30
        set.deadlines.debriefingOfferHours = 24
        set.deadlines.debriefingHeldDays = 7
        set.deadlines.unitAssessmentRenewalDays = 365
        set.deadlines.sourceRefFoldMinutes = 60
        set.categoryDefaults.incident["contraband_drugs"] = [.security]
        set.categoryDefaults.incident["threat_staff_family"] = [.lifeHealth, .security]
        set.categoryDefaults.incident["ban_breach"] = [.publicSafety]
        set.categoryDefaults.incident["community_sentence_breach"] = [.publicSafety]
        set.categoryDefaults.incident["electronic_monitoring_breach"] = [.publicSafety]
        set.categoryDefaults.incident["threat_at_office"] = [.security]
        set.categoryDefaults.incident["home_visit_incident"] = [.security]
        set.categoryDefaults.deviation["entry_control"] = [.security]
        set.categoryDefaults.deviation["double_occupancy"] = [.security]
        return set
    }()

    /// `ksf-2006.1`, the first shipped set: the figures of domain.md §3–§6 as first written. Its
    /// content — and so its canonical JSON and hash — never changes (entries were judged by it).
    public static let ksf2006_1 = RuleSet(
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
