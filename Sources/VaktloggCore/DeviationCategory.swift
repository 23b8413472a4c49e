/// Categories of deviation (avvik), domain.md §5.
public enum DeviationCategory: String, Codable, Sendable, CaseIterable, Hashable {
    /// Telleavvik.
    case countMismatch = "count_mismatch"
    /// Dør eller lås.
    case doorLock = "door_lock"
    /// Nøkkelkontroll.
    case keyControl = "key_control"
    /// Visitasjon ikke gjennomført.
    case searchMissed = "search_missed"
    /// Bemanning under minimum.
    case staffingBelowMinimum = "staffing_below_minimum"
    /// Utstyrssvikt (alarm, kamera, samband).
    case equipmentFailure = "equipment_failure"
    /// Vedlikeholdsetterslep med sikkerhetsmessig konsekvens.
    case maintenance
    /// Rutine eller instruks ikke fulgt.
    case routineBreach = "routine_breach"
    /// HMS.
    case hse
    /// Brudd på personopplysningssikkerheten.
    case personalData = "personal_data"
    /// Systematisk adgangskontroll ikke gjennomført.
    case entryControl = "entry_control"
    /// Dobbeltbelegg.
    case doubleOccupancy = "double_occupancy"
    /// Annet — requires at least one interest given by the reporter.
    case other
}
