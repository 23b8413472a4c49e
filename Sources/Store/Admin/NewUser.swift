public import VaktloggCore
import VaktloggText

/// A user to add: checked on construction, so a `NewUser` is always well-formed. Whether the
/// units exist and the name is free is checked when it is added.
public struct NewUser: Sendable, Hashable {
    /// Lower-case login name, `^[a-z][a-z0-9._-]{1,62}$`; also the PostgreSQL login role.
    public let name: String
    /// The role here (domain.md §5).
    public let role: UserRole
    /// The user's units, home unit first, without repeats.
    public let units: [String]
    /// The person's name, for listings and the shift log.
    public let fullName: String?

    /// The home unit (`app_users.home_unit`): the first unit given.
    public var homeUnit: String? { units.first }

    /// Checks and normalises raw input. Duty officers, coordinators, managers and integrations
    /// need at least one unit; auditors and administrators see every unit and need none.
    public init(name: String, role: String, units: [String], fullName: String? = nil) throws(StoreError) {
        self.name = try InputValidation.userName(name)
        let role = try InputValidation.role(role)
        self.role = role
        var seen = Set<String>()
        var codes: [String] = []
        for raw in units {
            let code = try InputValidation.unitCode(raw, field: "unit")
            if seen.insert(code).inserted { codes.append(code) }
        }
        guard !codes.isEmpty || !role.needsUnit else {
            throw StoreError.invalid(.unitRequired, field: "unit", ["role": role.rawValue])
        }
        self.units = codes
        self.fullName = try fullName.map { raw throws(StoreError) in try InputValidation.name(raw, field: "full_name") }
    }
}
