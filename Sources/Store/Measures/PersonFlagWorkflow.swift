import Foundation
import Postgres
public import VaktloggCore

/// Person flags (forvaring, infoflyt, remand_restricted): set and lifted by a security coordinator
/// with a reason, each change appended (sql/026–027); read only under a logged read.
public struct PersonFlagWorkflow {
    let session: StoreSession

    /// Flags changed in `session`.
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Sets (`set == true`) or lifts a flag on `person` in `unit` (default: the caller's home unit)
    /// and returns the change's id. The database refuses another role, another unit, a flag already
    /// set or one not set.
    public func change(person: String, flag: PersonFlag, set: Bool, reason: String, unit: String?) throws(StoreError) -> Int64 {
        do throws(ValidationError) { _ = try PersonReference(person, field: "person") } catch { throw StoreError(error) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid(.blank, field: "reason") }
        return try session.transaction { s in
            let unitCode = try s.homeUnit(unit)
            return try s.connection.query("""
                SELECT set_person_flag(\(person), \(unitCode), \(flag.rawValue), \(set ? "set" : "lift"), \(reason)) AS id
                """).first!.decode(Int64.self, "id")
        }
    }

    /// The flags in force on `person`, read under a logged read in `unit` (default: the home unit).
    /// The read is logged in its own committed statement first, so this must not run inside a
    /// transaction.
    public func current(person: String, unit: String?) throws(StoreError) -> [PersonFlag] {
        do throws(ValidationError) { _ = try PersonReference(person, field: "person") } catch { throw StoreError(error) }
        let c = session.connection
        guard c.transactionStatus == .idle || c.transactionStatus == .unknown else { throw StoreError.readInTransaction }
        return try StoreError.mapping {
            let unitCode = try session.homeUnit(unit)
            let read = try c.query("SELECT request_person_read(\(person), \(unitCode)) AS id").first!.decode(Int64.self, "id")
            return try c.query("SELECT flag FROM person_flags_of(\(person), \(read))").rows
                .compactMap { PersonFlag(rawValue: try $0.decode(String.self, "flag")) }
        }
    }
}

extension StoreSession {
    /// `unit`, else the caller's home unit (refused with `no_home_unit` when there is none).
    func homeUnit(_ unit: String?) throws -> String {
        if let unit { return unit }
        let home = try connection.query("SELECT home_unit FROM app_users WHERE name = current_app_user()").first?
            .decodeIfPresent(String.self, "home_unit")
        guard let home else { throw StoreError.invalid(.noHomeUnit, field: "unit") }
        return home
    }

    /// Person flags.
    public var personFlags: PersonFlagWorkflow { PersonFlagWorkflow(self) }
}
