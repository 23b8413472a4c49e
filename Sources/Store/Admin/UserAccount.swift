public import Foundation
public import VaktloggCore

/// A user as listed: role, units and whether the account is disabled.
///
/// JSON (`vaktlogg user list --json`): `{"name", "role", "full_name", "home_unit", "units",
/// "created_at", "disabled", "disabled_at"}`; absent values are `null`.
public struct UserAccount: Sendable, Hashable, Encodable {
    /// The user name, which is also the login role.
    public let name: String
    /// The role.
    public let role: UserRole
    /// The full name, when recorded.
    public let fullName: String?
    /// The unit the shift log uses when none is given.
    public let homeUnit: String?
    /// Every unit of the user, home unit first.
    public let units: [String]
    /// When the user was added.
    public let createdAt: Date
    /// When the account was disabled; `nil` while it is active.
    public let disabledAt: Date?

    /// True when an administrator has disabled the account.
    public var isDisabled: Bool { disabledAt != nil }

    enum CodingKeys: String, CodingKey {
        case name, role, units, disabled
        case fullName = "full_name"
        case homeUnit = "home_unit"
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(homeUnit, forKey: .homeUnit)
        try c.encode(units, forKey: .units)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(isDisabled, forKey: .disabled)
        try c.encode(disabledAt, forKey: .disabledAt)
    }
}
