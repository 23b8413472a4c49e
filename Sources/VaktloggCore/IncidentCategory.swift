/// Categories of incident (hendelse), domain.md §5.
public enum IncidentCategory: String, Codable, Sendable, CaseIterable, Hashable {
    /// Vold mot tilsatt.
    case violenceStaff = "violence_staff"
    /// Vold mellom innsatte.
    case violenceInmate = "violence_inmate"
    /// Trussel mot tilsatt.
    case threatStaff = "threat_staff"
    /// Selvskading eller selvmordsforsøk.
    case selfHarm = "self_harm"
    /// Dødsfall.
    case death
    /// Overdose.
    case overdose
    /// Rømning.
    case escape
    /// Unnvikelse / uteblivelse fra permisjon.
    case abscond
    /// Brudd på permisjonsvilkår.
    case leaveBreach = "leave_breach"
    /// Hendelse under transport eller fremstilling.
    case transport
    /// Funn av narkotika.
    case contrabandDrugs = "contraband_drugs"
    /// Funn av mobiltelefon.
    case contrabandPhone = "contraband_phone"
    /// Funn av våpen.
    case contrabandWeapon = "contraband_weapon"
    /// Brann.
    case fire
    /// Gisseltaking.
    case hostage
    /// Uro eller kollektiv nektelse.
    case unrest
    /// Skadeverk.
    case damage
    /// Smitte eller hygiene.
    case infection
    /// Drone eller innkast over mur.
    case droneThrowover = "drone_throwover"
    /// Brudd på informasjonssikkerheten.
    case infosecBreach = "infosec_breach"
    /// Trussel mot tilsattes familie.
    case threatStaffFamily = "threat_staff_family"
    /// Brudd på brev- og besøksforbud (varetekt med restriksjoner).
    case banBreach = "ban_breach"
    /// Brudd på vilkår for samfunnsstraff (friomsorgskontor).
    case communitySentenceBreach = "community_sentence_breach"
    /// Brudd ved straffegjennomføring med elektronisk kontroll (fotlenke).
    case electronicMonitoringBreach = "electronic_monitoring_breach"
    /// Trussel på friomsorgskontoret.
    case threatAtOffice = "threat_at_office"
    /// Hendelse under hjemmebesøk.
    case homeVisitIncident = "home_visit_incident"
    /// Annet — requires at least one interest given by the reporter.
    case other
}
