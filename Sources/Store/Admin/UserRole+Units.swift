public import VaktloggCore

extension UserRole {
    /// Whether the role works in particular units and so needs at least one. Auditors and
    /// administrators see every unit (`visible_units()`), so for them units are optional.
    public var needsUnit: Bool { self != .auditor && self != .admin }
}
