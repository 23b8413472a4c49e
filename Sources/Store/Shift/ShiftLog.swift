import Foundation
public import Postgres
import VaktloggText

/// The shift log of a unit (vaktlogg): start, notes, handover with a generated summary, and
/// acceptance by the incoming officer. Every row is a fact appended to `shift_log`; the database
/// fills in who and when, chains the row and refuses accepting your own handover or one twice.
///
/// The unit is the one given, else the officer's home unit (`app_users.home_unit`); it must be
/// one of the officer's writable units. An officer's *current shift* in a unit runs from their
/// latest `start` or `accept` there until their next `handover`.
public struct ShiftLog {
    let connection: Connection

    /// The shift log as seen by `connection`'s login role.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The unit to log in: `requested` (normalised), else the caller's home unit; refused when
    /// unknown (`unknown_unit`, 65) or not writable by the caller (`unit_not_writable`, 77) —
    /// or, with `readOnly`, not visible to them (`unit_not_visible`, 77).
    func unit(_ c: Connection, _ requested: String?, readOnly: Bool = false) throws -> String {
        let code: String
        if let requested {
            code = try InputValidation.unitCode(requested)
            guard try c.query("SELECT 1 FROM units WHERE code = \(code)").count > 0 else {
                throw StoreError.invalid(.unknownUnit, field: "unit", ["unit": code])
            }
        } else {
            let home = try c.query("SELECT home_unit FROM app_users WHERE name = session_user AND disabled_at IS NULL")
                .first?.decodeIfPresent(String.self, "home_unit")
            guard let home else {
                throw StoreError.invalid(.noHomeUnit, field: "unit")
            }
            code = home
        }
        if readOnly {
            let visible = try c.query("SELECT \(code) IN (SELECT visible_units()) AS ok").first?.decode(Bool.self, "ok") ?? false
            guard visible else {
                throw StoreError.forbidden(.unitNotVisible, field: "unit", ["unit": code])
            }
            return code
        }
        let writable = try c.query("SELECT \(code) IN (SELECT writable_units()) AS ok").first?.decode(Bool.self, "ok") ?? false
        guard writable else {
            throw StoreError.forbidden(.unitNotWritable, field: "unit", ["unit": code])
        }
        return code
    }

    /// The caller's open shift in `unit`: their latest `start` or `accept` not followed by their
    /// own `handover`.
    func openShift(_ c: Connection, unit: String) throws -> ShiftLogEntry? {
        let tail: SQLQuery = """
            WHERE s.unit_code = \(unit) AND s.actor = session_user AND s.event IN ('start', 'accept', 'handover')
            ORDER BY s.id DESC LIMIT 1
            """
        let latest = try entries(c, tail).first
        guard let latest, latest.event != .handover else { return nil }
        return latest
    }

    /// Rows of the log (with the actor's full name), filtered and ordered by `tail`, which may
    /// refer to the log as `s`.
    func entries(_ c: Connection, _ tail: SQLQuery) throws -> [ShiftLogEntry] {
        let head: SQLQuery = """
            SELECT s.id, s.unit_code, s.event, s.actor, a.full_name, s.at, s.text, s.summary::text AS summary,
                   s.handover_id
            FROM shift_log s LEFT JOIN app_users a ON a.name = s.actor

            """
        return try c.query(head + tail).rows.map { row in
            guard let event = ShiftEvent(rawValue: try row.decode(String.self, "event")) else {
                throw PostgresError(kind: .decode, message: "unknown shift event", column: "event")
            }
            let summary = try row.decodeIfPresent(String.self, "summary").map { text in
                try StoreJSON.decoder().decode(HandoverSummary.self, from: Data(text.utf8))
            }
            return ShiftLogEntry(
                id: try row.decode(Int64.self, "id"), unit: try row.decode(String.self, "unit_code"), event: event,
                actor: try row.decode(String.self, "actor"), actorName: try row.decodeIfPresent(String.self, "full_name"),
                at: try row.decode(Date.self, "at"), text: try row.decodeIfPresent(String.self, "text"),
                summary: summary, handoverID: try row.decodeIfPresent(Int64.self, "handover_id"))
        }
    }

    /// The row with `id`, as just written.
    func entry(_ c: Connection, id: Int64) throws -> ShiftLogEntry {
        guard let entry = try entries(c, "WHERE s.id = \(id)").first else {
            throw StoreError.unexpected(PostgresError(kind: .protocol, message: "shift log row not readable after insert"))
        }
        return entry
    }
}
