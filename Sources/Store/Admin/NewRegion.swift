/// A region to add: checked on construction, so a `NewRegion` is always well-formed.
public struct NewRegion: Sendable, Hashable {
    /// Upper-case code, `^[A-Z][A-Z0-9_]{1,15}$` (e.g. `OST`).
    public let code: String
    /// Display name (e.g. «Region øst»).
    public let name: String

    /// Checks and normalises the input; the error names the field and what is allowed.
    public init(code: String, name: String) throws(StoreError) {
        self.code = try InputValidation.regionCode(code, field: "code")
        self.name = try InputValidation.name(name, field: "name")
    }
}
