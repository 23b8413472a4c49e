import Rules
public import VaktloggCore

/// Every labelled code enum with its cases, so a test can prove no code is left without words and a
/// listing can name the allowed values of an option in the user's language.
public enum CodeLabels {
    /// Type name → raw code → label, for every code enum of Core and Rules.
    public static let all: [String: [String: LocalizedText]] = Dictionary(uniqueKeysWithValues: [
        table(EntryKind.self), table(IncidentCategory.self), table(DeviationCategory.self),
        table(ManipulationMethod.self), table(ManipulationTarget.self), table(ThreatType.self),
        table(ThreatSource.self), table(SourceReliability.self), table(InformationCredibility.self),
        table(EntryStatus.self), table(DeviationStatus.self), table(Interest.self), table(Priority.self),
        table(RiskBand.self), table(SecurityDomain.self), table(UserRole.self), table(UnitType.self),
        table(PersonRole.self), table(OffenceKind.self), table(Language.self), table(MeasureType.self),
        table(CommunicationGround.self), table(Outcome.self), table(RuleKind.self), table(DeadlineKind.self),
        table(SeriousCrimeResult.self), table(DecisionType.self), table(PersonFlag.self),
        ("Restrictiveness", Dictionary(uniqueKeysWithValues: Restrictiveness.allCases.map { (String($0.rawValue), $0.label) })),
        ("RuleID", Dictionary(uniqueKeysWithValues: RuleID.allCases.map { ($0.rawValue, RuleText.name($0)) })),
        ("NumberBasis", Dictionary(uniqueKeysWithValues: NumberBasis.allCases.map { ($0.rawValue, RuleBasisText.name($0)) })),
    ])

    /// `code (label), …` of every case, the allowed values shown in help and errors.
    public static func allowed<T: CaseIterable & RawRepresentable & Labelled>(_: T.Type, _ language: Language) -> String
    where T.RawValue == String {
        T.allCases.map { "\($0.rawValue) (\($0.label(language)))" }.joined(separator: ", ")
    }

    private static func table<T: CaseIterable & RawRepresentable & Labelled>(_: T.Type) -> (String, [String: LocalizedText])
    where T.RawValue == String {
        (String(describing: T.self), Dictionary(uniqueKeysWithValues: T.allCases.map { ($0.rawValue, $0.label) }))
    }
}
