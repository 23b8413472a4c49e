public import VaktloggCore

/// A unit to add: checked on construction, so a `NewUnit` is always well-formed. Whether its
/// region exists and its code is free is checked when it is added.
public struct NewUnit: Sendable, Hashable {
    /// Upper-case code, `^[A-Z][A-Z0-9]{1,11}$` (e.g. `OSLO`).
    public let code: String
    /// Display name (e.g. «Oslo fengsel, avdeling A»).
    public let name: String
    /// The kind of unit (prison, transitional housing, probation office).
    public let type: UnitType
    /// The region's code.
    public let region: String
    /// The unit's own security classification, 1 (highest) to 3; the schema's default is 2.
    public let securityLevel: Int

    /// Checks and normalises raw input (as typed on the command line or sent to the API).
    public init(code: String, name: String, type: String, region: String, securityLevel: Int = 2) throws(StoreError) {
        self.code = try InputValidation.unitCode(code, field: "code")
        self.name = try InputValidation.name(name, field: "name")
        self.type = try InputValidation.unitType(type)
        self.region = try InputValidation.regionCode(region)
        self.securityLevel = try InputValidation.securityLevel(securityLevel)
    }
}
