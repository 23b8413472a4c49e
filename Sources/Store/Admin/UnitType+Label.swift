public import VaktloggCore

extension UnitType {
    /// What the unit type is called at work, for listings and messages.
    public var label: LocalizedText {
        switch self {
        case .prisonHigh: LocalizedText(nb: "fengsel, høyt sikkerhetsnivå", en: "high-security prison")
        case .prisonLower: LocalizedText(nb: "fengsel, lavere sikkerhetsnivå", en: "lower-security prison")
        case .transitional: LocalizedText(nb: "overgangsbolig", en: "transitional housing")
        case .probation: LocalizedText(nb: "friomsorgskontor", en: "probation office")
        }
    }
}
