public import VaktloggCore

extension UserRole {
    /// What the role is called at work, for listings and messages.
    public var label: LocalizedText {
        switch self {
        case .dutyOfficer: LocalizedText(nb: "vakthavende", en: "duty officer")
        case .securityCoordinator: LocalizedText(nb: "sikkerhetsleder", en: "security coordinator")
        case .manager: LocalizedText(nb: "leder", en: "manager")
        case .auditor: LocalizedText(nb: "revisor", en: "auditor")
        case .admin: LocalizedText(nb: "administrator", en: "administrator")
        case .integration: LocalizedText(nb: "integrasjon", en: "integration")
        }
    }

    /// Whether the role works in particular units and so needs at least one. Auditors and
    /// administrators see every unit (`visible_units()`), so for them units are optional.
    public var needsUnit: Bool { self != .auditor && self != .admin }
}
