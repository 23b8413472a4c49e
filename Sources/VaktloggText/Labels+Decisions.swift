public import VaktloggCore

extension DecisionType: Labelled {
    public var label: LocalizedText {
        switch self {
        case .leave: t("permisjon", "leave")
        case .transferLower: t("overføring til lavere sikkerhetsnivå", "transfer to lower security")
        case .transferHigher: t("overføring til høyere sikkerhetsnivå", "transfer to higher security")
        case .releaseProgression: t("løslatelse eller progresjon", "release or progression")
        case .visit: t("besøk", "visit")
        case .other: t("annet", "other")
        }
    }
}

extension PersonFlag: Labelled {
    public var label: LocalizedText {
        switch self {
        case .forvaring: t("forvaring", "preventive detention")
        case .infoflyt: t("INFOFLYT", "INFOFLYT")
        case .remandRestricted: t("varetekt med brev- og besøksforbud", "remand with letter/visit ban")
        }
    }
}
