import Foundation
import Postgres
public import Rules
import VaktloggCore

/// Judges a measure with the rules module before anything is written: a rejected one is never
/// stored, one that needs a justification or a rehabilitation note is refused until it has one.
public struct MeasureWorkflow {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Measures written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// The rules' verdict on the draft, using the person's latest individual risk assessment
    /// (its id is returned with it), judged on the session's day.
    public func evaluate(_ d: MeasureDraft) throws -> (Evaluation, Int64?) {
        var assessment: AssessmentInput?
        var assessmentID: Int64?
        if let person = d.person, let row = try session.connection.query("""
            SELECT id, band, (assessed_at AT TIME ZONE 'Europe/Oslo')::date::text AS day
              FROM latest_assessment_of(\(person))
            """).first {
            assessmentID = try row.decode(Int64.self, "id")
            if let band = RiskBand(rawValue: try row.decode(String.self, "band")), let day = CalendarDate(try row.decode(String.self, "day")) {
                // The person's latest P1 incident (a date only; contract field last_p1_at): one on a
                // later day overtakes the assessment under ksf-2006.2. As of the session's time, as
                // measures_prepare judges decided_at: an incident after a backdated measure is not
                // what it rested on.
                let lastP1 = try session.connection.query("SELECT last_p1_incident_of(\(person), \(session.now))::text AS day").first?
                    .decodeIfPresent(String.self, "day").flatMap(CalendarDate.init)
                assessment = AssessmentInput(band: band, assessedAt: day, lastP1: lastP1)
            }
        }
        let input = MeasureInput(type: d.type, purpose: d.purpose, burdens: d.burdens, restrictiveness: d.restrictiveness,
                                 ground: d.ground, justification: d.justification, rehabilitationNote: d.rehabilitationNote)
        return (engine.measure(input, assessment: assessment, at: OsloTime.calendarDate(session.now)), assessmentID)
    }

    /// Records the measure on entry `ref` when the rules allow it (or it is justified); otherwise
    /// throws with the rules' violations and writes nothing.
    public func record(_ d: MeasureDraft, on ref: String) throws(StoreError) -> MeasureResult {
        if let person = d.person, !PersonReference.isValid(person) {
            do throws(ValidationError) { _ = try PersonReference(person, field: "person") } catch { throw StoreError(error) }
        }
        if d.restrictiveness.rawValue >= 2 && d.person == nil {
            throw .invalid(.measurePersonRequired, field: "person")
        }
        return try session.transaction { s in
            let c = s.connection
            let entry = try s.repository.summary(ref: ref)
            let (evaluation, assessmentID) = try s.measures.evaluate(d)
            switch evaluation.outcome {
            case .rejected:
                throw StoreError.invalid(.measureRejected, field: "measure", violations: evaluation.violations)
            case .needsJustification:
                throw StoreError.invalid(.measureNeedsJustification, field: "measure", violations: evaluation.violations)
            case .incomplete:
                throw StoreError.invalid(.measureNeedsRehabilitationNote, field: "measure", violations: evaluation.violations)
            case .allowed:
                break
            }
            let outcome = evaluation.violations.contains { $0.justified } ? "justified" : "allowed"
            let violationsJSON = JSONValue.array(evaluation.violations.map(\.json)).canonicalJSON
            let id = try c.query("""
                INSERT INTO measures (entry_id, unit_code, person_ref, type, description, purpose, burdens, restrictiveness,
                    ground, justification, rehabilitation_note, assessment_id, outcome, violations, decided_at, rules_version, trace)
                VALUES (\(entry.id), \(entry.unit), \(d.person), \(d.type.rawValue), \(d.description), \(d.purpose.rawValue),
                    \(d.burdens.map(\.rawValue)), \(d.restrictiveness.rawValue), \(d.ground?.rawValue), \(d.justification),
                    \(d.rehabilitationNote), \(assessmentID), \(outcome), \(violationsJSON, as: .jsonb),
                    \(s.factTime, as: .timestamptz), \(engine.version), \(evaluation.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
            return MeasureResult(id: id, outcome: evaluation.outcome, violations: evaluation.violations, assessmentID: assessmentID)
        }
    }
}
