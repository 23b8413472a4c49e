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
