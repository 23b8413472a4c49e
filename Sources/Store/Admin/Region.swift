/// A region (the level above units), as listed.
///
/// JSON (`vaktlogg region list --json`): `{"code", "name", "units"}`.
public struct Region: Sendable, Hashable, Encodable {
    public let code: String
    public let name: String
    /// How many units the region has.
    public let units: Int
}
