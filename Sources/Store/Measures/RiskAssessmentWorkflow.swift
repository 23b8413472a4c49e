import Foundation
import Postgres
import Rules
public import VaktloggCore

/// Individual risk assessments of persons (risk = probability × consequence, NOU 2000:24), valid
/// for the rule set's renewal period.
public struct RiskAssessmentWorkflow {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Risk assessments written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// The stored assessment.
    public struct Recorded: Sendable {
        /// The assessment's id.
        public let id: Int64
        /// Risk = probability × consequence.
        public let score: Int
        /// The score's band under the rule set.
        public let band: RiskBand
        /// The last day it is current.
        public let validUntil: CalendarDate
    }

    /// Records an assessment of `person` in `unit` (default: the caller's home unit), valid from
    /// the session's day for the rule set's renewal period.
    public func record(person: String, unit: String?, probability: Int, consequence: Int,
                       summary: String) throws(StoreError) -> Recorded {
        let risk: RiskEvaluation
        do throws(ValidationError) {
            _ = try PersonReference(person, field: "person")
            risk = try engine.risk(probability: probability, consequence: consequence)
        } catch {
            throw StoreError(error)
        }
        if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(.blank, field: "summary")
        }
        let validUntil = engine.assessmentRenewalDue(assessedAt: OsloTime.calendarDate(session.now))
        return try session.transaction { s in
            let c = s.connection
            let home = try c.query("SELECT home_unit FROM app_users WHERE name = current_app_user()").first?
                .decodeIfPresent(String.self, "home_unit")
            guard let unitCode = unit ?? home else {
                throw StoreError.invalid(.noHomeUnit, field: "unit")
            }
            let id = try c.query("""
                INSERT INTO risk_assessments (person_ref, unit_code, probability, consequence, score, band, summary,
                    assessed_at, valid_until, rules_version, trace)
                VALUES (\(person), \(unitCode), \(probability), \(consequence), \(risk.score), \(risk.band.rawValue), \(summary),
                    \(s.factTime, as: .timestamptz), \(validUntil.description)::date, \(engine.version),
                    \(risk.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
            return Recorded(id: id, score: risk.score, band: risk.band, validUntil: validUntil)
        }
    }
}
