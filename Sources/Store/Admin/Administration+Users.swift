import Foundation
import Postgres
import VaktloggCore
import VaktloggText

extension Administration {
    /// Adds a user: the login role, the role here, the units (the first is the home unit) and the
    /// full name, in one transaction. Refuses a name in use (`duplicate_user`, field `name`) and
    /// unknown units (`unknown_unit`, field `unit`, listing the known ones).
    @discardableResult
    public func addUser(_ user: NewUser) throws(StoreError) -> UserAccount {
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                if let existing = try c.query("SELECT disabled_at IS NOT NULL AS disabled FROM app_users WHERE name = \(user.name)").first {
                    throw StoreError.invalid(.duplicateUser, field: "name",
                                            ["name": user.name, "disabled": String(try existing.decode(Bool.self, "disabled"))])
                }
                let known = try unitCodes(c)
                let unknown = user.units.filter { !known.contains($0) }
                guard unknown.isEmpty else {
                    throw StoreError.invalid(.unknownUnit, field: "unit",
                                            ["unit": unknown.joined(separator: ", "), "known": Self.knownList(known)])
                }
                try c.query("SELECT admin_add_user(\(user.name), \(user.role.rawValue), \(user.units), \(user.fullName))")
                guard let added = try users(c, name: user.name).first else {
                    throw StoreError.unexpected(PostgresError(kind: .protocol, message: "user not found after insert"))
                }
                return added
            }
        }
    }

    /// Disables a user: their rows stay (facts are never deleted), but every policy requires an
    /// active account and the database no longer lets them connect. Refuses an unknown or already
    /// disabled user and disabling yourself.
    public func disableUser(_ rawName: String) throws(StoreError) {
        let name = try InputValidation.userName(rawName)
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                do {
                    try c.query("SELECT admin_disable_user(\(name))")
                } catch let error as PostgresError {
                    let mapped = StoreError(error)
                    if mapped.code == "unknown_user" {
                        throw mapped.naming("name").adding(["name": name])
                    }
                    throw mapped.category == .invalid ? mapped.naming("name") : mapped
                }
            }
        }
    }

    /// Gives a disabled user access again. Refuses an unknown or active user.
    public func enableUser(_ rawName: String) throws(StoreError) {
        let name = try InputValidation.userName(rawName)
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                do {
                    try c.query("SELECT admin_enable_user(\(name))")
                } catch let error as PostgresError {
                    let mapped = StoreError(error)
                    if mapped.code == "not_disabled" {
                        throw mapped.naming("name").adding(["name": name])
                    }
                    throw mapped.category == .invalid ? mapped.naming("name") : mapped
                }
            }
        }
    }

    /// Every user, active and disabled, by name.
    public func users() throws(StoreError) -> [UserAccount] {
        try StoreError.mapping { try users(connection, name: nil) }
    }

    func users(_ c: Connection, name: String?) throws -> [UserAccount] {
        try c.query("""
            SELECT a.name, a.role, a.full_name, a.home_unit, a.created_at, a.disabled_at,
                   ARRAY(SELECT uu.unit_code FROM user_units uu WHERE uu.user_name = a.name
                         ORDER BY uu.unit_code IS DISTINCT FROM a.home_unit, uu.unit_code) AS units
            FROM app_users a
            WHERE \(name)::text IS NULL OR a.name = \(name)
            ORDER BY a.name
            """).rows.map { row in
            guard let role = UserRole(rawValue: try row.decode(String.self, "role")) else {
                throw PostgresError(kind: .decode, message: "unknown role in app_users", column: "role")
            }
            return UserAccount(
                name: try row.decode(String.self, "name"), role: role,
                fullName: try row.decodeIfPresent(String.self, "full_name"),
                homeUnit: try row.decodeIfPresent(String.self, "home_unit"),
                units: try row.decode([String].self, "units"),
                createdAt: try row.decode(Date.self, "created_at"),
                disabledAt: try row.decodeIfPresent(Date.self, "disabled_at"))
        }
    }
}
