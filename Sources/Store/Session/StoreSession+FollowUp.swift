extension StoreSession {
    /// Reviews and liftings of measures, and measures over time (sql/030).
    public var measureFollowUp: MeasureFollowUp { MeasureFollowUp(self) }
    /// Unit-wide (collective) measures.
    public var unitMeasures: UnitMeasureWorkflow { UnitMeasureWorkflow(self) }
    /// Unit (system-level) risk assessments.
    public var unitAssessments: UnitAssessmentWorkflow { UnitAssessmentWorkflow(self) }
    /// Staff-safety debriefings.
    public var debriefings: DebriefingWorkflow { DebriefingWorkflow(self) }
}
