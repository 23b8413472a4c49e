public import Foundation
import Postgres
import Rules
public import VaktloggCore

/// A unit (system-level) risk assessment as stored (sql/031).
public struct UnitAssessment: Sendable, Hashable {
    /// Its id.
    public let id: Int64
    /// The unit assessed.
    public let unit: String
    /// Probability and consequence, 1–5 each.
    public let probability: Int, consequence: Int
    /// Risk = probability × consequence, computed by the database.
    public let score: Int
    /// The score's band under the rule set.
    public let band: RiskBand
    /// The assessment in words, and its system-level parts.
    public let summary: String, staffing: String?, equipment: String?, building: String?
    /// Who assessed, and when.
    public let assessor: String, assessedAt: Date
    /// The last day it is current.
    public let validUntil: CalendarDate

    /// Current on `day` (an Oslo calendar date).
    public func isCurrent(on day: CalendarDate) -> Bool { validUntil >= day }

    static func decode(_ r: Row) throws -> UnitAssessment {
        let validUntil = try r.decode(String.self, "valid_until_text")
        return UnitAssessment(
            id: try r.decode(Int64.self, "id"), unit: try r.decode(String.self, "unit_code"),
            probability: try r.decode(Int.self, "probability"), consequence: try r.decode(Int.self, "consequence"),
            score: try r.decode(Int.self, "score"), band: RiskBand(rawValue: try r.decode(String.self, "band")) ?? .critical,
            summary: try r.decode(String.self, "summary"), staffing: try r.decodeIfPresent(String.self, "staffing"),
            equipment: try r.decodeIfPresent(String.self, "equipment"), building: try r.decodeIfPresent(String.self, "building"),
            assessor: try r.decode(String.self, "assessor"), assessedAt: try r.decode(Date.self, "assessed_at"),
            validUntil: CalendarDate(validUntil) ?? CalendarDate(dayNumber: 0))
    }
}

/// What `assess-unit` records.
public struct UnitAssessmentDraft: Sendable, Hashable {
    /// The unit.
    public var unit: String
    /// 1–5 each.
    public var probability: Int, consequence: Int
    /// Required; the system-level parts are optional.
    public var summary: String, staffing: String?, equipment: String?, building: String?

    /// A draft with the required fields.
    public init(unit: String, probability: Int, consequence: Int, summary: String,
                staffing: String? = nil, equipment: String? = nil, building: String? = nil) {
        self.unit = unit
        self.probability = probability
        self.consequence = consequence
        self.summary = summary
        self.staffing = staffing
        self.equipment = equipment
        self.building = building
    }
}

/// Unit risk assessments: made by a security coordinator or a manager of the unit, valid for the
/// rule set's renewal period (365 days by default), scored and banded by the database.
public struct UnitAssessmentWorkflow {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Assessments written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    static let columns: SQLQuery = """
        id, unit_code, probability, consequence, score, band, summary, staffing, equipment, building, assessor,
        assessed_at, valid_until::text AS valid_until_text
        """

    /// Records the assessment (valid for the full renewal period) and returns it as stored.
    public func record(_ d: UnitAssessmentDraft) throws(StoreError) -> UnitAssessment {
        do throws(ValidationError) {
            _ = try engine.risk(probability: d.probability, consequence: d.consequence)
        } catch {
            throw StoreError(error)
        }
        guard let summary = try MeasureFollowUp.optional(d.summary, field: "summary") else { throw .invalid(.blank, field: "summary") }
        let staffing = try MeasureFollowUp.optional(d.staffing, field: "staffing")
        let equipment = try MeasureFollowUp.optional(d.equipment, field: "equipment")
        let building = try MeasureFollowUp.optional(d.building, field: "building")
        return try session.transaction { s in
            let row = try s.connection.query("""
                INSERT INTO unit_assessments (unit_code, probability, consequence, summary, staffing, equipment, building,
                                              assessed_at, rules_version)
                VALUES (\(UnitCode.normalise(d.unit)), \(d.probability), \(d.consequence), \(summary), \(staffing), \(equipment),
                        \(building), \(s.factTime, as: .timestamptz), \(engine.version))
                RETURNING \(Self.columns)
                """).first!
            return try UnitAssessment.decode(row)
        }
    }

    /// The unit's latest assessment the user can see, if any.
    public func latest(unit: String) throws(StoreError) -> UnitAssessment? {
        try StoreError.mapping {
            try session.connection.query("""
                SELECT \(Self.columns) FROM unit_assessments WHERE unit_code = \(UnitCode.normalise(unit))
                 ORDER BY assessed_at DESC, id DESC LIMIT 1
                """).first.map(UnitAssessment.decode)
        }
    }
}
