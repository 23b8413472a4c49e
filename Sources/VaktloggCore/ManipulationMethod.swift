/// The method of a manipulation attempt against staff (manipulering av tilsatte), domain.md §5.
public enum ManipulationMethod: String, Codable, Sendable, CaseIterable, Hashable {
    /// Gaver eller tjenester.
    case giftsFavours = "gifts_favours"
    /// Utspørring om private forhold.
    case privateProbing = "private_probing"
    /// Grensetesting.
    case boundaryTesting = "boundary_testing"
    /// Relasjonsbygging.
    case relationshipBuilding = "relationship_building"
    /// Press eller trusler.
    case pressureThreats = "pressure_threats"
    /// Kontakt med tilsattes familie.
    case familyContact = "family_contact"
    /// Anmodning om innsmugling.
    case smugglingRequest = "smuggling_request"
    /// Anmodning om informasjon.
    case informationRequest = "information_request"
    /// Annet.
    case other
}

/// Whom a manipulation attempt was aimed at.
public enum ManipulationTarget: String, Codable, Sendable, CaseIterable, Hashable {
    /// The reporting staff member (code `self`; named `reporter` because `.self` is taken in Swift).
    case reporter = "self"
    /// A colleague of the reporter.
    case colleague
    /// A staff member's family.
    case family
}
