public import VaktloggCore

/// A unit as listed: what it is, where it belongs, and how much is open there.
///
/// JSON (`vaktlogg unit list --json`): `{"code", "name", "type", "region", "region_name",
/// "security_level", "open_entries"}`; `open_entries` is `null` for units the caller cannot see.
public struct UnitSummary: Sendable, Hashable, Encodable {
    /// The unit code in normal form (see `UnitCode`).
    public let code: String
    /// The unit's name.
    public let name: String
    /// The kind of unit.
    public let type: UnitType
    /// The code of the region the unit belongs to.
    public let region: String
    /// The name of that region.
    public let regionName: String
    /// 1 (highest) to 3.
    public let securityLevel: Int
    /// Entries not closed, counted from the projection; `nil` when the caller cannot see the unit
    /// (a zero would claim knowledge they do not have).
    public let openEntries: Int?

    enum CodingKeys: String, CodingKey {
        case code, name, type, region
        case regionName = "region_name"
        case securityLevel = "security_level"
        case openEntries = "open_entries"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(region, forKey: .region)
        try c.encode(regionName, forKey: .regionName)
        try c.encode(securityLevel, forKey: .securityLevel)
        // Explicit null: a stable shape has every key.
        try c.encode(openEntries, forKey: .openEntries)
    }
}
