public import Foundation
public import Postgres
public import Rules
public import VaktloggCore

/// Individual risk assessments of persons (risk = probability × consequence, NOU 2000:24), valid
/// for the rule set's renewal period.
public struct RiskAssessmentWorkflow {
    let connection: Connection
    let engine: RulesEngine
    let joinsTransaction: Bool

    /// - Parameter joinsTransaction: write inside the caller's open transaction instead of a new one.
    public init(connection: Connection, engine: RulesEngine = RulesEngine(), joinsTransaction: Bool = false) {
        self.connection = connection
        self.engine = engine
        self.joinsTransaction = joinsTransaction
    }

    /// The stored assessment.
    public struct Recorded: Sendable {
        public let id: Int64
        public let score: Int
        public let band: RiskBand
        public let validUntil: CalendarDate
    }

    public func record(person: String, unit: String?, probability: Int, consequence: Int, summary: String,
                       now: Date = Date()) throws(StoreError) -> Recorded {
        guard EntryDraft.isPseudonym(person) else {
            throw StoreError(code: "invalid_format", field: "person", message: LocalizedText(
                nb: "personer oppgis med saksnummer (store bokstaver, sifre, bindestrek), aldri navn",
                en: "persons are given by case number (capitals, digits, hyphens), never a name"))
        }
        if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError(code: "blank", field: "summary", message: LocalizedText(nb: "kan ikke være tom", en: "cannot be empty"))
        }
        let risk: RiskEvaluation
        do throws(ValidationError) {
            risk = try engine.risk(probability: probability, consequence: consequence)
        } catch {
            throw StoreError(error)
        }
        let validUntil = engine.assessmentRenewalDue(assessedAt: OsloTime.calendarDate(now))
        return try connection.storeScoped(joining: joinsTransaction) { c in
            let home = try c.query("SELECT home_unit FROM app_users WHERE name = session_user").first?
                .decodeIfPresent(String.self, "home_unit")
            guard let unitCode = unit ?? home else {
                throw StoreError(code: "required", field: "unit", message: LocalizedText(
                    nb: "mangler; oppgi --unit", en: "is required; give --unit"))
            }
            let id = try c.query("""
                INSERT INTO risk_assessments (person_ref, unit_code, probability, consequence, score, band, summary,
                    valid_until, rules_version, trace)
                VALUES (\(person), \(unitCode), \(probability), \(consequence), \(risk.score), \(risk.band.rawValue), \(summary),
                    \(validUntil.description)::date, \(engine.version), \(risk.trace.canonicalJSON, as: .jsonb))
                RETURNING id
                """).first!.decode(Int64.self, "id")
            return Recorded(id: id, score: risk.score, band: risk.band, validUntil: validUntil)
        }
    }
}
