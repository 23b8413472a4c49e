/// The type of a unit (enhet).
public enum UnitType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Fengsel med høyt sikkerhetsnivå.
    case prisonHigh = "prison_high"
    /// Fengsel med lavere sikkerhetsnivå.
    case prisonLower = "prison_lower"
    /// Overgangsbolig.
    case transitional
    /// Friomsorgskontor.
    case probation
}
