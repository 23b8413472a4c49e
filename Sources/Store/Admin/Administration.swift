public import Postgres
import VaktloggText

/// Regions, units and users: added and disabled through the schema's `admin_*` functions (which
/// create login roles and refuse non-administrators), listed from the tables.
///
/// Every change runs in one transaction: the caller's permission first, then existence checks
/// that give field-named messages, then the function. A refusal leaves nothing written. Errors
/// are ``StoreError``: bad input `.invalid` (exit 65), a non-administrator `.forbidden` (77).
public struct Administration {
    let connection: Connection

    /// Administration over `connection`, acting as its login role.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// Refuses a caller who is not an administrator (or the database's superuser owner) before any
    /// other check, so that a non-administrator learns nothing about which codes exist.
    func requireAdministrator(_ c: Connection) throws {
        let ok = try c.query("SELECT coalesce(caller_is_admin(), false) AS ok").first?.decode(Bool.self, "ok") ?? false
        guard ok else {
            throw StoreError.forbidden(.adminRequired)
        }
    }

    /// Known codes as one message argument: at most 30, then "…" (a long list helps nobody).
    static func knownList(_ codes: [String]) -> String {
        codes.prefix(30).joined(separator: ", ") + (codes.count > 30 ? ", …" : "")
    }

    /// Every unit code, for "known: …" in messages.
    func unitCodes(_ c: Connection) throws -> [String] {
        try c.query("SELECT code FROM units ORDER BY code").rows.map { try $0.decode(String.self, "code") }
    }
}
