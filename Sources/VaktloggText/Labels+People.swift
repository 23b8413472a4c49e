public import VaktloggCore

extension UserRole: Labelled {
    public var label: LocalizedText {
        switch self {
        case .dutyOfficer: t("vakthavende", "duty officer")
        case .securityCoordinator: t("sikkerhetsleder", "security coordinator")
        case .manager: t("leder", "manager")
        case .auditor: t("revisor", "auditor")
        case .admin: t("administrator", "administrator")
        case .integration: t("integrasjon", "integration")
        }
    }
}

extension UnitType: Labelled {
    public var label: LocalizedText {
        switch self {
        case .prisonHigh: t("fengsel, høyt sikkerhetsnivå", "high-security prison")
        case .prisonLower: t("fengsel, lavere sikkerhetsnivå", "lower-security prison")
        case .transitional: t("overgangsbolig", "transitional housing")
        case .probation: t("friomsorgskontor", "probation office")
        }
    }
}

extension PersonRole: Labelled {
    public var label: LocalizedText {
        switch self {
        case .inmate: t("innsatt", "inmate")
        case .convict: t("domfelt", "convict")
        case .remand: t("varetektsinnsatt", "remand prisoner")
        case .staff: t("tilsatt", "staff")
        case .relative: t("pårørende", "relative")
        case .visitor: t("besøkende", "visitor")
        case .external: t("ekstern", "external")
        }
    }
}

extension OffenceKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .violence: t("vold", "violence")
        case .sexual: t("seksuallovbrudd", "sexual offence")
        case .narcotics: t("narkotika", "narcotics")
        case .property: t("vinning", "property")
        case .economic: t("økonomisk kriminalitet", "economic crime")
        case .traffic: t("trafikk", "traffic")
        case .other: t("annet", "other")
        }
    }
}

extension Language: Labelled {
    public var label: LocalizedText {
        switch self {
        case .nb: t("norsk bokmål", "Norwegian bokmål")
        case .en: t("engelsk", "English")
        }
    }
}
