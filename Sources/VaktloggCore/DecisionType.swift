/// The type of a formal decision (vedtak), domain.md §5. The rule set names which types are
/// significant for public safety by default (goal 8: "Vedtak av særlig betydning for samfunnets
/// trygghet skal tydeliggjøres og begrunnes").
public enum DecisionType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Permisjon.
    case leave
    /// Overføring til lavere sikkerhetsnivå.
    case transferLower = "transfer_lower"
    /// Overføring til høyere sikkerhetsnivå.
    case transferHigher = "transfer_higher"
    /// Løslatelse eller progresjon (e.g. to transitional housing).
    case releaseProgression = "release_progression"
    /// Besøk.
    case visit
    /// Annet.
    case other
}
