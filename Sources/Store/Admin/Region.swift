/// A region (the level above units), as listed.
///
/// JSON (`vaktlogg region list --json`): `{"code", "name", "units"}`.
public struct Region: Sendable, Hashable, Encodable {
    /// The region code, e.g. `OST`.
    public let code: String
    /// The region's name.
    public let name: String
    /// How many units the region has.
    public let units: Int
}
