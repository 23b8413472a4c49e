public import VaktloggCore

/// What the follow-up commands print (`measure review|lift`, `unit-measure`, `measures`,
/// `assess-unit`, `unit show`, `debrief`, and the follow-up part of `show`).
public enum FollowUpText {
    public static func reviewed(id: Int64, nextDue: String?) -> LocalizedText {
        guard let nextDue else { return t("Tiltak \(id) gjennomgått", "Measure \(id) reviewed") }
        return t("Tiltak \(id) gjennomgått · neste gjennomgang innen \(nextDue)", "Measure \(id) reviewed · next review by \(nextDue)")
    }
    public static func lifted(id: Int64) -> LocalizedText { t("Tiltak \(id) opphevet", "Measure \(id) lifted") }
    public static func unitMeasureReviewed(id: Int64) -> LocalizedText {
        t("Fellestiltak \(id) gjennomgått", "Collective measure \(id) reviewed")
    }
    public static func unitMeasureLifted(id: Int64) -> LocalizedText { t("Fellestiltak \(id) opphevet", "Collective measure \(id) lifted") }
    public static func unitMeasureRecorded(id: Int64, unit: String, ends: String) -> LocalizedText {
        t("Fellestiltak \(id) registrert for \(unit) · gjelder til senest \(ends)",
          "Collective measure \(id) recorded for \(unit) · in force until \(ends) at the latest")
    }
    public static let noMeasures = t("Ingen tiltak.", "No measures.")
    public static func badTime(field: String, input: String) -> LocalizedText {
        t("\(field): «\(input)» er ikke en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt (ÅÅÅÅ-MM-DD TT:MM)",
          "\(field): '\(input)' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM)")
    }
    public static let unknownUnit = t("ukjent enhet, eller ikke synlig for deg", "unknown unit, or not visible to you")

    // The `measures` table.
    public static let scope = t("gjelder", "scope")
    public static let id = t("id", "id")
    public static let entry = t("sak", "entry")
    public static let unit = t("enhet", "unit")
    public static let type = t("type", "type")
    public static let level = t("nivå", "level")
    public static let age = t("varighet", "age")
    public static let reviewDue = t("gjennomgås innen", "review due")
    public static let state = t("status", "status")
    public static let flags = t("merknader", "flags")
    public static let person = t("person", "person")
    public static let wholeUnit = t("hele enheten", "whole unit")
    public static let active = t("aktivt", "active")
    public static func liftedOn(_ at: String) -> LocalizedText { t("opphevet \(at)", "lifted \(at)") }
    public static let overdue = t("FORFALT", "OVERDUE")
    public static let assessmentLapsed = t("risikovurdering utløpt", "assessment lapsed")
    public static let overtakenByP1 = t("P1-hendelse etter risikovurderingen", "overtaken by P1 incident")
    public static func days(_ n: Int) -> LocalizedText { n == 1 ? t("1 dag", "1 day") : t("\(n) dager", "\(n) days") }
    public static func hours(_ n: Int) -> LocalizedText { n == 1 ? t("1 time", "1 hour") : t("\(n) timer", "\(n) hours") }

    // Unit assessments.
    public static func unitAssessed(id: Int64, unit: String, score: Int, band: String, validUntil: String) -> LocalizedText {
        t("Risikovurdering \(id) av \(unit) (systemnivå): risiko \(score) (\(band)), gyldig til \(validUntil)",
          "Unit risk assessment \(id) of \(unit): risk \(score) (\(band)), valid until \(validUntil)")
    }
    public static let unitAssessmentHeading = t("Risikovurdering (systemnivå)", "Risk assessment (system level)")
    public static let noUnitAssessment = t("ingen risikovurdering av enheten", "no risk assessment of the unit")
    public static let staffing = t("Bemanning", "Staffing")
    public static let equipment = t("Utstyr", "Equipment")
    public static let building = t("Bygg", "Building")
    public static let current = t("gjeldende", "current")
    public static let notCurrent = t("UTLØPT — må fornyes", "LAPSED — must be renewed")
    public static func assessedBy(_ who: String, _ at: String, validUntil: String) -> LocalizedText {
        t("vurdert av \(who) \(at), gyldig til \(validUntil)", "assessed by \(who) \(at), valid until \(validUntil)")
    }
    public static let collectiveMeasuresHeading = t("Aktive fellestiltak", "Active collective measures")
    public static func unitHeading(code: String, name: String) -> LocalizedText { t("Enhet \(code) · \(name)", "Unit \(code) · \(name)") }

    // Debriefings.
    public static func debriefing(_ step: String) -> LocalizedText {
        switch step {
        case "offered": t("emosjonelt etterarbeid tilbudt", "debriefing offered")
        case "held": t("emosjonelt etterarbeid gjennomført", "debriefing held")
        case "declined": t("emosjonelt etterarbeid avslått av den tilsatte", "debriefing declined by the staff member")
        default: t(step, step)
        }
    }
    public static func debriefingRecorded(ref: String, step: String) -> LocalizedText {
        let what = debriefing(step)
        return t("\(ref): \(what.nb)", "\(ref): \(what.en)")
    }
    public static let debriefingHeading = t("Emosjonelt etterarbeid (ansattes sikkerhet)", "Staff debriefing (staff safety)")
    public static func offerDue(_ at: String) -> LocalizedText { t("tilbys innen \(at)", "to be offered by \(at)") }
    public static func heldDue(_ at: String) -> LocalizedText { t("gjennomføres innen \(at)", "to be held by \(at)") }
    public static let measuresHeading = t("Tiltak over tid", "Measures over time")
    public static func stepAt(_ what: String, _ at: String) -> LocalizedText { t("\(what) \(at)", "\(what) \(at)") }

    /// The deadline a follow-up escalation names.
    public static func subject(_ code: String) -> LocalizedText {
        switch code {
        case "measure_review": t("gjennomgang av tiltak", "measure review")
        case "unit_measure_end": t("oppheving av fellestiltak", "lifting of a collective measure")
        case "debriefing_offer": t("tilbud om etterarbeid", "debriefing offer")
        case "debriefing_held": t("gjennomført etterarbeid", "debriefing held")
        default: t(code, code)
        }
    }
}

/// The refusals of the follow-up schema (sql/030–033), looked up by ``RefusalText``.
enum FollowUpRefusalText {
    static let table: [String: LocalizedText] = [
        "one_measure": t("en gjennomgang eller oppheving gjelder nøyaktig ett tiltak", "a review or lifting names exactly one measure"),
        "unknown_measure": t("ukjent tiltak", "unknown measure"),
        "before_measure": t("et tiltak gjennomgås eller oppheves etter at det ble besluttet", "a measure is reviewed or lifted after it was decided"),
        "measure_lifted": t("tiltaket er opphevet; det kan verken gjennomgås eller oppheves igjen",
                            "the measure has been lifted; it is neither reviewed nor lifted again"),
        "ends_in_past": t("et fellestiltak må slutte etter at det besluttes", "a collective measure ends after it is decided"),
        "ends_before_start": t("sluttidspunktet (--ends) må ligge etter starten og i fremtiden",
                               "the end (--ends) must lie after the start and in the future"),
        "coordinator_or_manager_required": t("risikovurdering av enheten gjøres av en sikkerhetsleder eller leder",
                                             "a unit risk assessment is made by a security coordinator or a manager"),
        "debriefing_not_required": t("emosjonelt etterarbeid følger vold eller trusler mot tilsatte, gisseltaking og dødsfall med tilsatte involvert",
                                     "debriefings follow violence or threats against staff, hostage takings and deaths with staff involved"),
        "before_entry": t("etterarbeidet kommer etter at hendelsen ble meldt", "a debriefing step comes after the entry was reported"),
        "debriefing_not_offered": t("etterarbeid må tilbys før det gjennomføres eller avslås", "a debriefing is offered before it is held or declined"),
        "debriefing_concluded": t("etterarbeidet er allerede gjennomført eller avslått", "the debriefing has already been held or declined"),
    ]
}
