public import VaktloggCore

/// The texts of the SIK compliance report (`vaktlogg report sik`): metric names, group headings,
/// judgements, column heads and messages, bokmål and English.
public enum ReportText {
    /// The decimal separator of numbers in the report: a comma in bokmål, a point in English.
    public static func decimalSeparator(_ language: Language) -> String { t(",", ".")(language) }

    /// A metric's name by its code (the codes of `sik_metrics`).
    public static func metric(_ code: String) -> LocalizedText {
        switch code {
        case "deviations_registered": t("Avvik registrert", "Deviations registered")
        case "deviations_acknowledged_in_time": t("Avvik kvittert i tide", "Deviations acknowledged in time")
        case "deviations_closed_in_time": t("Avvik lukket i tide", "Deviations closed in time")
        case "deviation_median_days_to_close": t("Median tid til lukking av avvik", "Median time to close a deviation")
        case "deviations_open_overdue": t("Åpne avvik over frist", "Open overdue deviations")
        case "incidents_registered": t("Hendelser registrert", "Incidents registered")
        case "p1_ack_median_seconds": t("P1 tid til kvittering, median", "P1 time to acknowledge, median")
        case "p1_ack_p90_seconds": t("P1 tid til kvittering, 90-persentil", "P1 time to acknowledge, p90")
        case "p1_acknowledged_in_time": t("P1 kvittert innen frist", "P1 acknowledged within deadline")
        case "manipulation_reports": t("Manipuleringsmeldinger", "Manipulation reports")
        case "manipulation_supervision_in_time": t("Veiledning holdt i tide", "Supervision held in time")
        case "threat_events": t("Trusselhendelser", "Threat events")
        case "threats_assessed_in_time": t("Trusler vurdert i tide", "Threats assessed in time")
        case "threats_police_decided": t("Politirelevante trusler med beslutning om politiet", "Police-relevant threats with a police decision")
        case "significant_decisions_justified": t("Vedtak av betydning for samfunnets trygghet begrunnet", "Decisions significant for public safety justified")
        case "restrictive_measures_assessed": t("Restriktive tiltak med gjeldende risikovurdering", "Restrictive measures backed by a current risk assessment")
        case "main_rule_departures": t("Avvik fra hovedregelen (begrunnet)", "Main-rule departures (justified)")
        case "failures": t("Svikt: rømming, unnvikelse, permisjonsbrudd", "Failures: escapes, absconding, leave breaches")
        case "staff_safety_events": t("Vold og trusler mot tilsatte og deres nærstående", "Violence and threats against staff and their relatives")
        case "debriefings_offered_in_time": t("Emosjonelt etterarbeid tilbudt i tide", "Debriefing offered in time")
        case "debriefings_held_in_time": t("Emosjonelt etterarbeid holdt (eller avslått) i tide", "Debriefing held (or declined) in time")
        case "active_restrictive_measures": t("Aktive restriktive tiltak ved periodens slutt", "Active restrictive measures at the period's end")
        case "active_unit_measures": t("Aktive kollektive tiltak ved periodens slutt", "Active unit-wide measures at the period's end")
        case "active_measures_median_age_seconds": t("Aktive tiltak, median alder", "Active measures, median age")
        case "measure_reviews_in_time": t("Tiltak revurdert i tide", "Measures reviewed in time")
        case "unit_measures_lifted_by_end": t("Kollektive tiltak opphevet innen sluttid", "Unit-wide measures lifted by their end")
        case "unit_assessment_current": t("Gjeldende risikovurdering av enheten", "Current unit risk assessment")
        case "significant_type_decisions_recorded": t("Vedtak av særlig betydningsfulle typer registrert som betydningsfulle og begrunnet", "Decisions of significant types recorded as significant and justified")
        case "median_report_delay_seconds": t("Median tid fra hendelse til melding", "Median delay from occurred to reported")
        case "deviations_per_incident": t("Avvik per hendelse", "Deviations per incident")
        default: t(code, code)
        }
    }

    /// A §7 group's heading.
    public static func group(_ number: Int) -> LocalizedText {
        switch number {
        case 1: t("1 Avvikshåndtering", "1 Deviation handling")
        case 2: t("2 Hendelser", "2 Incidents")
        case 3: t("3 Manipulering av tilsatte", "3 Manipulation of staff")
        case 4: t("4 Trusler", "4 Threats")
        case 5: t("5 Vedtak av betydning for samfunnets trygghet", "5 Decisions significant for public safety")
        case 6: t("6 Restriktive tiltak", "6 Restrictive measures")
        case 7: t("7 Integritet", "7 Integrity")
        case 8: t("8 Svikt", "8 Failures")
        case 9: t("9 Tilsattes sikkerhet", "9 Staff safety")
        case 10: t("10 Tiltak over tid", "10 Measures over time")
        case 11: t("11 Systemnivå", "11 System level")
        case 12: t("12 Sikkerhetskultur", "12 Security culture")
        case 13: t("13 Vedtak av særlig betydning", "13 Significant decisions")
        default: t("\(number)", "\(number)")
        }
    }

    /// A judgement.
    public static func judgement(_ code: String) -> LocalizedText {
        switch code {
        case "met": t("oppfylt", "met")
        case "not_met": t("ikke oppfylt", "not met")
        case "no_data": t("ingen data", "no data")
        default: t("til orientering", "for information")
        }
    }

    /// A breakdown dimension's heading.
    public static func dimension(_ code: String) -> LocalizedText {
        switch code {
        case "deviation_domain": t("Avvik etter område", "Deviations by domain")
        case "deviation_category": t("Avvik etter kategori", "Deviations by category")
        case "recurring_category": t("Gjentatte avvikskategorier (≥ 3)", "Recurring deviation categories (≥ 3)")
        case "incident_category": t("Hendelser etter kategori", "Incidents by category")
        case "incident_tier": t("Hendelser etter prioritet", "Incidents by priority")
        case "p1_ack_bucket": t("P1 tid til kvittering, fordeling", "P1 time to acknowledge, distribution")
        case "reporter_role": t("Meldinger etter melders rolle (uten manipuleringsmeldinger)", "Entries by reporter role (manipulation reports left out)")
        default: t(code, code)
        }
    }

    /// A P1 time-to-acknowledge bucket.
    public static func bucket(_ code: String) -> LocalizedText {
        switch code {
        case "le_1m": t("≤ 1 min", "≤ 1 min")
        case "le_5m": t("1–5 min", "1–5 min")
        case "le_15m": t("5–15 min", "5–15 min")
        case "gt_15m": t("> 15 min", "> 15 min")
        default: t("ikke kvittert", "not acknowledged")
        }
    }

    public static func title(_ scope: String) -> LocalizedText {
        t("SIK-rapport: \(scope)", "SIK report: \(scope)")
    }
    public static func periodLine(_ current: String, _ previous: String) -> LocalizedText {
        t("Periode \(current) · forrige periode \(previous)", "Period \(current) · previous period \(previous)")
    }
    public static let rollUp = t("Samlet for regionen", "Region roll-up")
    public static let unitHeading = t("Enhet", "Unit")
    public static let columnMetric = t("Mål", "Metric")
    public static let columnCurrent = t("Perioden", "Period")
    public static let columnPrevious = t("Forrige", "Previous")
    public static let columnTarget = t("Mål-verdi", "Target")
    public static let columnJudgement = t("Vurdering", "Judgement")
    public static let columnSource = t("SQL", "SQL")
    public static let noData = t("ingen data", "no data")
    public static let notYetRecorded = t("ingen data — registreres ikke ennå av denne versjonen",
                                         "no data — not yet recorded by this version")
    public static let departuresHeading = t("Avvik fra hovedregelen og begrunnelsene", "Main-rule departures and their justifications")
    /// One departure: the measure, its type and restrictiveness, when, the rules departed from.
    public static func departure(_ id: Int64, _ type: String, _ level: Int, _ when: String, _ rules: String) -> LocalizedText {
        t("tiltak \(id) \(type) (inngripen \(level)) \(when), regler: \(rules)",
          "measure \(id) \(type) (restrictiveness \(level)) \(when), rules: \(rules)")
    }
    public static let justificationLabel = t("Begrunnelse", "Justification")
    public static let overdueHeading = t("Åpne avvik over frist", "Open overdue deviations")
    public static let none = t("ingen", "none")
    public static let chainVerifies = t("hash-kjeden er intakt", "the hash chain verifies")
    public static let chainBroken = t("hash-kjeden er BRUTT", "the hash chain is BROKEN")
    public static let noTarget = t("–", "–")
    public static func due(_ when: String) -> LocalizedText { t("frist \(when)", "due \(when)") }
    public static func generated(_ when: String) -> LocalizedText { t("Laget \(when)", "Generated \(when)") }
    /// Progress on a terminal: each unit is a part, a region's roll-up the last one.
    public static func progress(_ done: Int, _ total: Int) -> LocalizedText {
        t("beregner del \(done) av \(total) …", "computing part \(done) of \(total) …")
    }
    public static let noUnits = t("ingen synlige enheter i regionen", "no visible units in the region")
    public static func badPeriod(_ text: String) -> LocalizedText {
        t("ugyldig --period \(text); tillatt: ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-Q1…Q4, last-month, last-quarter",
          "invalid --period \(text); allowed: YYYY, YYYY-MM, YYYY-Q1…Q4, last-month, last-quarter")
    }
    public static let periodOrDates = t("oppgi enten --period eller både --from og --to (ÅÅÅÅ-MM-DD)",
                                        "give either --period or both --from and --to (YYYY-MM-DD)")
    public static let unitOrRegion = t("oppgi enten --unit eller --region", "give either --unit or --region")
    public static func badFormat(_ text: String) -> LocalizedText {
        t("ugyldig --format \(text); tillatt: text, md, csv, json, html, pdf",
          "invalid --format \(text); allowed: text, md, csv, json, html, pdf")
    }
    public static let pdfNeedsChromium = t("PDF krever Chromium: installer Debian-pakken «chromium» (ops/setup.sh --reports)",
                                           "PDF needs Chromium: install the Debian package \"chromium\" (ops/setup.sh --reports)")
    public static let pdfNeedsOut = t("--format pdf krever --out FIL", "--format pdf needs --out FILE")
    public static let pdfFailed = t("Chromium kunne ikke lage PDF-en", "Chromium could not render the PDF")
    public static let chartAlt = t("Diagram; tallene står i tabellen over", "Chart; the numbers are in the table above")
}
