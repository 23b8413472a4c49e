/// The role in which a (pseudonymous) person is involved in an entry.
public enum PersonRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// Innsatt.
    case inmate
    /// Domfelt (serving a sentence outside prison, e.g. community sentence).
    case convict
    /// Varetektsinnsatt.
    case remand
    /// Tilsatt.
    case staff
    /// Pårørende.
    case relative
    /// Besøkende.
    case visitor
    /// Ekstern (police, health service, contractor …).
    case external
}
