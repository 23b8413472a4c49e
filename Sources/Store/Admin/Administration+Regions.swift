import Postgres
import VaktloggText

extension Administration {
    /// Adds a region. Refuses a code already in use (`duplicate_region`, field `code`).
    @discardableResult
    public func addRegion(_ region: NewRegion) throws(StoreError) -> Region {
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                if try c.query("SELECT 1 FROM regions WHERE code = \(region.code)").count > 0 {
                    throw StoreError.invalid(.duplicateRegion, field: "code", ["region": region.code])
                }
                try c.query("SELECT admin_add_region(\(region.code), \(region.name))")
                return Region(code: region.code, name: region.name, units: 0)
            }
        }
    }

    /// Every region with its number of units, by code.
    public func regions() throws(StoreError) -> [Region] {
        try StoreError.mapping {
            try connection.query("""
                SELECT r.code, r.name, (SELECT count(*) FROM units u WHERE u.region_code = r.code) AS units
                FROM regions r ORDER BY r.code
                """).rows.map { row in
                Region(code: try row.decode(String.self, "code"), name: try row.decode(String.self, "name"),
                       units: try row.decode(Int.self, "units"))
            }
        }
    }
}
