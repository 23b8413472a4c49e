import Postgres
import VaktloggCore
import VaktloggText

extension Administration {
    /// Adds a unit. Refuses a code already in use (`duplicate_unit`, field `code`) and an unknown
    /// region (`unknown_region`, field `region`, listing the known ones).
    @discardableResult
    public func addUnit(_ unit: NewUnit) throws(StoreError) -> UnitSummary {
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                if try c.query("SELECT 1 FROM units WHERE code = \(unit.code)").count > 0 {
                    throw StoreError.invalid(.duplicateUnit, field: "code", ["unit": unit.code])
                }
                if try c.query("SELECT 1 FROM regions WHERE code = \(unit.region)").count == 0 {
                    let known = try c.query("SELECT code FROM regions ORDER BY code").rows.map { try $0.decode(String.self, "code") }
                    throw StoreError.invalid(.unknownRegion, field: "region", ["region": unit.region, "known": Self.knownList(known)])
                }
                try c.query("""
                    SELECT admin_add_unit(\(unit.code), \(unit.name), \(unit.type.rawValue), \(unit.region),
                                          \(Int16(unit.securityLevel)))
                    """)
                guard let added = try units(c, code: unit.code).first else {
                    throw StoreError.unexpected(PostgresError(kind: .protocol, message: "unit not found after insert"))
                }
                return added
            }
        }
    }

    /// Every unit, by region and code, with the number of entries not yet closed in the units the
    /// caller can see (one grouped read of the projection's `(unit_code, status)` index).
    public func units() throws(StoreError) -> [UnitSummary] {
        try StoreError.mapping { try units(connection, code: nil) }
    }

    func units(_ c: Connection, code: String?) throws -> [UnitSummary] {
        try c.query("""
            SELECT u.code, u.name, u.type, u.region_code, r.name AS region_name, u.security_level,
                   CASE WHEN u.code IN (SELECT visible_units()) OR (SELECT coalesce(caller_is_admin(), false))
                        THEN coalesce(o.open, 0) END AS open_entries
            FROM units u
            JOIN regions r ON r.code = u.region_code
            LEFT JOIN (SELECT unit_code, count(*) AS open FROM entry_state WHERE status <> 'closed'
                       GROUP BY unit_code) o ON o.unit_code = u.code
            WHERE \(code)::text IS NULL OR u.code = \(code)
            ORDER BY r.code, u.code
            """).rows.map { row in
            let type = try row.decode(String.self, "type")
            guard let unitType = UnitType(rawValue: type) else {
                throw PostgresError(kind: .decode, message: "unknown unit type in units", column: "type")
            }
            return UnitSummary(
                code: try row.decode(String.self, "code"), name: try row.decode(String.self, "name"), type: unitType,
                region: try row.decode(String.self, "region_code"), regionName: try row.decode(String.self, "region_name"),
                securityLevel: try row.decode(Int.self, "security_level"),
                openEntries: try row.decodeIfPresent(Int.self, "open_entries"))
        }
    }
}
