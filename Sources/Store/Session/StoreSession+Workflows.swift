extension StoreSession {
    /// Logging entries.
    public var entries: EntryWriter { EntryWriter(self) }
    /// Reading entries.
    public var repository: EntryRepository { EntryRepository(connection: connection) }
    /// Lifecycle events on entries.
    public var lifecycle: Lifecycle { Lifecycle(self) }
    /// Amendments of entries.
    public var amendments: Amender { Amender(self) }
    /// Measures on entries.
    public var measures: MeasureWorkflow { MeasureWorkflow(self) }
    /// Formal decisions on entries.
    public var decisions: DecisionWorkflow { DecisionWorkflow(self) }
    /// Individual risk assessments of persons.
    public var riskAssessments: RiskAssessmentWorkflow { RiskAssessmentWorkflow(self) }
}

extension StoreSession {
    /// Escalation of passed deadlines.
    public var escalation: EscalationWorker { EscalationWorker(self) }
}
