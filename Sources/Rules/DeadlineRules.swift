/// Deadline lengths (domain.md §6). Units are in the field names so a rule file cannot be
/// misread; all are non-negative.
public struct DeadlineRules: Codable, Sendable, Hashable {
    /// A P1 entry acknowledged (else escalated to the unit's security coordinator).
    public var p1AcknowledgeMinutes: Int
    /// A deviation acknowledged.
    public var deviationAcknowledgeHours: Int
    /// A deviation's treatment (cause analysis) started.
    public var deviationTreatmentDays: Int
    /// A deviation closed.
    public var deviationCloseDays: Int
    /// A manipulation report reviewed by the coordinator.
    public var manipulationReviewDays: Int
    /// The staff member's supervision (veiledning) held after a manipulation attempt.
    public var manipulationSupervisionDays: Int
    /// A threat event assessed when it threatens a tier-1 interest.
    public var threatAssessTier1Hours: Int
    /// A threat event assessed otherwise.
    public var threatAssessHours: Int
    /// A decision on informing the police (organised crime, INFOFLYT).
    public var policeDecisionHours: Int
    /// An individual risk assessment renewed; also its maximum age for backing a restrictive measure.
    public var riskAssessmentRenewalDays: Int

    // Numbers added with ksf-2006.2 (issue 14). Optional, so that a set without them (ksf-2006.1)
    // keeps its canonical JSON and hash; readers use the default of `DeadlineRules.added` when absent.
    /// A restrictive measure of restrictiveness 4 reviewed (hours).
    public var measureReviewHoursR4: Int?
    /// A restrictive measure of restrictiveness 3 reviewed (days).
    public var measureReviewDaysR3: Int?
    /// A restrictive measure of restrictiveness 2 reviewed (days).
    public var measureReviewDaysR2: Int?
    /// Emotional debriefing offered to staff after a staff-safety incident (hours).
    public var debriefingOfferHours: Int?
    /// Emotional debriefing held (days).
    public var debriefingHeldDays: Int?
    /// A unit's (system-level) risk assessment renewed (days).
    public var unitAssessmentRenewalDays: Int?
    /// Entries from one external source reference folded together within this many minutes.
    public var sourceRefFoldMinutes: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case p1AcknowledgeMinutes = "p1_acknowledge_minutes"
        case deviationAcknowledgeHours = "deviation_acknowledge_hours"
        case deviationTreatmentDays = "deviation_treatment_days"
        case deviationCloseDays = "deviation_close_days"
        case manipulationReviewDays = "manipulation_review_days"
        case manipulationSupervisionDays = "manipulation_supervision_days"
        case threatAssessTier1Hours = "threat_assess_tier1_hours"
        case threatAssessHours = "threat_assess_hours"
        case policeDecisionHours = "police_decision_hours"
        case riskAssessmentRenewalDays = "risk_assessment_renewal_days"
        case measureReviewHoursR4 = "measure_review_hours_r4"
        case measureReviewDaysR3 = "measure_review_days_r3"
        case measureReviewDaysR2 = "measure_review_days_r2"
        case debriefingOfferHours = "debriefing_offer_hours"
        case debriefingHeldDays = "debriefing_held_days"
        case unitAssessmentRenewalDays = "unit_assessment_renewal_days"
        case sourceRefFoldMinutes = "source_ref_fold_minutes"
    }

    /// The keys every rule set must give (those of ksf-2006.1).
    public static let requiredKeys: [String] = [
        "p1_acknowledge_minutes", "deviation_acknowledge_hours", "deviation_treatment_days", "deviation_close_days",
        "manipulation_review_days", "manipulation_supervision_days", "threat_assess_tier1_hours", "threat_assess_hours",
        "police_decision_hours", "risk_assessment_renewal_days",
    ]

    /// The keys added with ksf-2006.2 and the value a reader uses when a set does not give one
    /// (coord.md, "Agreed names"; the SQL readers COALESCE with the same numbers).
    public static let added: [(key: String, value: Int)] = [
        ("measure_review_hours_r4", 24), ("measure_review_days_r3", 7), ("measure_review_days_r2", 30),
        ("debriefing_offer_hours", 24), ("debriefing_held_days", 7), ("unit_assessment_renewal_days", 365),
        ("source_ref_fold_minutes", 60),
    ]

    /// Every deadline key in display order: the required ones, then the added ones.
    public static var allKeys: [String] { requiredKeys + added.map(\.key) }

    /// The value of `key`: the set's own, else (for an added key) the agreed default; `nil` for an
    /// unknown key.
    public func value(_ key: String) -> Int? {
        switch key {
        case "p1_acknowledge_minutes": p1AcknowledgeMinutes
        case "deviation_acknowledge_hours": deviationAcknowledgeHours
        case "deviation_treatment_days": deviationTreatmentDays
        case "deviation_close_days": deviationCloseDays
        case "manipulation_review_days": manipulationReviewDays
        case "manipulation_supervision_days": manipulationSupervisionDays
        case "threat_assess_tier1_hours": threatAssessTier1Hours
        case "threat_assess_hours": threatAssessHours
        case "police_decision_hours": policeDecisionHours
        case "risk_assessment_renewal_days": riskAssessmentRenewalDays
        case "measure_review_hours_r4": measureReviewHoursR4 ?? Self.addedDefault(key)
        case "measure_review_days_r3": measureReviewDaysR3 ?? Self.addedDefault(key)
        case "measure_review_days_r2": measureReviewDaysR2 ?? Self.addedDefault(key)
        case "debriefing_offer_hours": debriefingOfferHours ?? Self.addedDefault(key)
        case "debriefing_held_days": debriefingHeldDays ?? Self.addedDefault(key)
        case "unit_assessment_renewal_days": unitAssessmentRenewalDays ?? Self.addedDefault(key)
        case "source_ref_fold_minutes": sourceRefFoldMinutes ?? Self.addedDefault(key)
        default: nil
        }
    }

    static func addedDefault(_ key: String) -> Int? { added.first { $0.key == key }?.value }

    /// The same deadlines with `key` set to `value` (an unknown key changes nothing).
    public func with(_ key: String, _ value: Int) -> DeadlineRules {
        var d = self
        switch key {
        case "p1_acknowledge_minutes": d.p1AcknowledgeMinutes = value
        case "deviation_acknowledge_hours": d.deviationAcknowledgeHours = value
        case "deviation_treatment_days": d.deviationTreatmentDays = value
        case "deviation_close_days": d.deviationCloseDays = value
        case "manipulation_review_days": d.manipulationReviewDays = value
        case "manipulation_supervision_days": d.manipulationSupervisionDays = value
        case "threat_assess_tier1_hours": d.threatAssessTier1Hours = value
        case "threat_assess_hours": d.threatAssessHours = value
        case "police_decision_hours": d.policeDecisionHours = value
        case "risk_assessment_renewal_days": d.riskAssessmentRenewalDays = value
        case "measure_review_hours_r4": d.measureReviewHoursR4 = value
        case "measure_review_days_r3": d.measureReviewDaysR3 = value
        case "measure_review_days_r2": d.measureReviewDaysR2 = value
        case "debriefing_offer_hours": d.debriefingOfferHours = value
        case "debriefing_held_days": d.debriefingHeldDays = value
        case "unit_assessment_renewal_days": d.unitAssessmentRenewalDays = value
        case "source_ref_fold_minutes": d.sourceRefFoldMinutes = value
        default: break
        }
        return d
    }

    /// All deadlines.
    public init(
        p1AcknowledgeMinutes: Int, deviationAcknowledgeHours: Int, deviationTreatmentDays: Int,
        deviationCloseDays: Int, manipulationReviewDays: Int, manipulationSupervisionDays: Int,
        threatAssessTier1Hours: Int, threatAssessHours: Int, policeDecisionHours: Int, riskAssessmentRenewalDays: Int
    ) {
        self.p1AcknowledgeMinutes = p1AcknowledgeMinutes
        self.deviationAcknowledgeHours = deviationAcknowledgeHours
        self.deviationTreatmentDays = deviationTreatmentDays
        self.deviationCloseDays = deviationCloseDays
        self.manipulationReviewDays = manipulationReviewDays
        self.manipulationSupervisionDays = manipulationSupervisionDays
        self.threatAssessTier1Hours = threatAssessTier1Hours
        self.threatAssessHours = threatAssessHours
        self.policeDecisionHours = policeDecisionHours
        self.riskAssessmentRenewalDays = riskAssessmentRenewalDays
    }

    /// Field name → value in seconds, for validation and generic display.
    var secondsByField: [(field: String, seconds: Int)] {
        [
            ("p1_acknowledge_minutes", p1AcknowledgeMinutes * 60),
            ("deviation_acknowledge_hours", deviationAcknowledgeHours * 3600),
            ("deviation_treatment_days", deviationTreatmentDays * 86_400),
            ("deviation_close_days", deviationCloseDays * 86_400),
            ("manipulation_review_days", manipulationReviewDays * 86_400),
            ("manipulation_supervision_days", manipulationSupervisionDays * 86_400),
            ("threat_assess_tier1_hours", threatAssessTier1Hours * 3600),
            ("threat_assess_hours", threatAssessHours * 3600),
            ("police_decision_hours", policeDecisionHours * 3600),
            ("risk_assessment_renewal_days", riskAssessmentRenewalDays * 86_400),
        ]
    }
}
