/// The type of a threat event (trusselhendelse), domain.md §5.
public enum ThreatType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Rømningsplan.
    case escapePlan = "escape_plan"
    /// Voldsplan.
    case violencePlan = "violence_plan"
    /// Trussel mot tilsatt.
    case threatStaff = "threat_staff"
    /// Trussel mot tilsattes familie.
    case threatStaffFamily = "threat_staff_family"
    /// Trussel mot innsatt.
    case threatInmate = "threat_inmate"
    /// Aktivitet knyttet til organisert kriminalitet.
    case organisedCrime = "organised_crime"
    /// Radikalisering / voldelig ekstremisme.
    case radicalisation
    /// Innsmuglingsrute.
    case contrabandRoute = "contraband_route"
    /// Angrep utenfra.
    case externalAttack = "external_attack"
    /// Informasjons- eller digital trussel.
    case cyber
    /// Gisselplan.
    case hostagePlan = "hostage_plan"
    /// Annet.
    case other
}

/// Where threat information came from.
public enum ThreatSource: String, Codable, Sendable, CaseIterable, Hashable {
    /// Egen observasjon.
    case ownObservation = "own_observation"
    /// Fra en innsatt.
    case inmate
    /// Fra en tilsatt.
    case staff
    /// Fra politiet / INFOFLYT.
    case policeInfoflyt = "police_infoflyt"
    /// Fra annen etat.
    case otherAgency = "other_agency"
    /// Teknisk alarm eller kamera.
    case technical
}
