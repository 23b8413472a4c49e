public import Foundation
public import Postgres
public import Rules
public import VaktloggCore

/// Judges a measure with the rules module before anything is written: a rejected one is never
/// stored, one that needs a justification or a rehabilitation note is refused until it has one.
public struct MeasureWorkflow {
    let connection: Connection
    let engine: RulesEngine
    let joinsTransaction: Bool

    /// - Parameter joinsTransaction: write inside the caller's open transaction instead of a new one.
    public init(connection: Connection, engine: RulesEngine = RulesEngine(), joinsTransaction: Bool = false) {
        self.connection = connection
        self.engine = engine
        self.joinsTransaction = joinsTransaction
    }

    /// The rules' verdict on the draft, using the person's latest individual risk assessment.
    public func evaluate(_ d: MeasureDraft, today: CalendarDate) throws -> (Evaluation, Int64?) {
        var assessment: AssessmentInput?
        var assessmentID: Int64?
        if let person = d.person, let row = try connection.query("""
            SELECT id, band, (assessed_at AT TIME ZONE 'Europe/Oslo')::date::text AS day
              FROM latest_assessment_of(\(person))
            """).first {
            assessmentID = try row.decode(Int64.self, "id")
            if let band = RiskBand(rawValue: try row.decode(String.self, "band")), let day = CalendarDate(try row.decode(String.self, "day")) {
                assessment = AssessmentInput(band: band, assessedAt: day)
            }
        }
        let input = MeasureInput(type: d.type, purpose: d.purpose, burdens: d.burdens, restrictiveness: d.restrictiveness,
                                 ground: d.ground, justification: d.justification, rehabilitationNote: d.rehabilitationNote)
        return (engine.measure(input, assessment: assessment, at: today), assessmentID)
    }

    /// Records the measure on entry `ref` when the rules allow it (or it is justified); otherwise
    /// throws with the rules' reasons and writes nothing.
    public func record(_ d: MeasureDraft, on ref: String, now: Date = Date()) throws(StoreError) -> MeasureResult {
        if let person = d.person, !EntryDraft.isPseudonym(person) {
            throw StoreError(code: "invalid_format", field: "person", message: LocalizedText(
                nb: "personer oppgis med saksnummer, aldri navn", en: "persons are given by case number, never a name"))
        }
        if d.restrictiveness.rawValue >= 2 && d.person == nil {
            throw StoreError(code: "required", field: "person", message: LocalizedText(
                nb: "et inngripende tiltak (nivå 2 eller mer) rettes mot en person: oppgi --person",
                en: "a restrictive measure (level 2 or more) is directed at a person: give --person"))
        }
        return try connection.storeScoped(joining: joinsTransaction) { c in
            let workflow = MeasureWorkflow(connection: c, engine: engine, joinsTransaction: true)
            let entry = try EntryRepository(connection: c).summary(ref: ref)
            let (evaluation, assessmentID) = try workflow.evaluate(d, today: OsloTime.calendarDate(now))
            let violations = evaluation.violations.map { (rule: $0.rule.rawValue, kind: $0.kind.rawValue, reason: $0.reason, justified: $0.justified) }
            switch evaluation.outcome {
            case .rejected:
                throw StoreError.measureRefused("measure_rejected", violations, LocalizedText(
                    nb: "tiltaket er avvist og ble ikke lagret", en: "the measure is rejected and was not stored"))
            case .needsJustification:
                throw StoreError.measureRefused("measure_needs_justification", violations, LocalizedText(
                    nb: "tiltaket krever begrunnelse (--justification)", en: "the measure needs a justification (--justification)"))
            case .incomplete:
                throw StoreError.measureRefused("measure_incomplete", violations, LocalizedText(
                    nb: "tiltaket belaster påvirkningsarbeidet: beskriv virkningen (--rehabilitation-note)",
                    en: "the measure burdens rehabilitation: describe the effect (--rehabilitation-note)"))
            case .allowed:
                break
            }
            let outcome = evaluation.violations.contains { $0.justified } ? "justified" : "allowed"
            let violationsJSON = JSONValue.array(evaluation.violations.map(\.json)).canonicalJSON
            let id = try c.query("""
                INSERT INTO measures (entry_id, unit_code, person_ref, type, description, purpose, burdens, restrictiveness,
                    ground, justification, rehabilitation_note, assessment_id, outcome, violations, rules_version, trace)
                VALUES (\(entry.id), \(entry.unit), \(d.person), \(d.type.rawValue), \(d.description), \(d.purpose.rawValue),
                    \(d.burdens.map(\.rawValue)), \(d.restrictiveness.rawValue), \(d.ground?.rawValue), \(d.justification),
                    \(d.rehabilitationNote), \(assessmentID), \(outcome), \(violationsJSON, as: .jsonb), \(engine.version),
                    \(evaluation.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
            return MeasureResult(id: id, outcome: outcome, violations: violations, assessmentID: assessmentID)
        }
    }
}

extension StoreError {
    /// A measure the rules refuse, with each violation's rule and reason in the message.
    static func measureRefused(_ code: String, _ violations: [(rule: String, kind: String, reason: String, justified: Bool)],
                               _ summary: LocalizedText) -> StoreError {
        let open = violations.filter { !$0.justified }
        let detail = open.map { "\($0.rule) (\($0.kind)): \($0.reason)" }.joined(separator: "; ")
        return StoreError(code: code, field: "measure", message: LocalizedText(
            nb: summary.nb + (detail.isEmpty ? "" : " — " + detail), en: summary.en + (detail.isEmpty ? "" : " — " + detail)))
    }
}
