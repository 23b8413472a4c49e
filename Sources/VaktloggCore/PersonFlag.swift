/// A flag on a person that changes how the rules treat entries and decisions about them
/// (domain.md §5). Set and lifted by a security coordinator; never inferred from other data —
/// information *from* the police does not make a person an INFOFLYT subject.
public enum PersonFlag: String, Codable, Sendable, CaseIterable, Hashable {
    /// Forvaringsdømt (preventive detention).
    case forvaring
    /// In the formal information flow with the police about the highest-risk inmates.
    case infoflyt
    /// Varetektsinnsatt med brev- og besøksforbud.
    case remandRestricted = "remand_restricted"
}
