public import VaktloggCore

extension EntryKind: Labelled {
    public var label: LocalizedText {
        switch self {
        case .incident: t("uønsket hendelse", "incident")
        case .deviation: t("avvik", "deviation")
        case .manipulation: t("manipulasjonsrapport", "manipulation report")
        case .threat: t("trusselhendelse", "threat event")
        }
    }
}

extension IncidentCategory: Labelled {
    public var label: LocalizedText {
        switch self {
        case .violenceStaff: t("vold mot tilsatt", "violence against staff")
        case .violenceInmate: t("vold mellom innsatte", "violence between inmates")
        case .threatStaff: t("trussel mot tilsatt", "threat against staff")
        case .selfHarm: t("selvskading", "self-harm")
        case .death: t("dødsfall", "death")
        case .overdose: t("overdose", "overdose")
        case .escape: t("rømning", "escape")
        case .abscond: t("unndragelse", "absconding")
        case .leaveBreach: t("brudd på permisjon", "leave breach")
        case .transport: t("hendelse under transport", "transport incident")
        case .contrabandDrugs: t("funn av narkotika", "drugs found")
        case .contrabandPhone: t("funn av mobiltelefon", "phone found")
        case .contrabandWeapon: t("funn av våpen", "weapon found")
        case .fire: t("brann", "fire")
        case .hostage: t("gisseltaking", "hostage taking")
        case .unrest: t("uro", "unrest")
        case .damage: t("skadeverk", "damage")
        case .infection: t("smitte", "infection")
        case .droneThrowover: t("drone eller overkast", "drone or throw-over")
        case .infosecBreach: t("brudd på informasjonssikkerhet", "information security breach")
        case .threatStaffFamily: t("trussel mot tilsattes familie", "threat against staff's family")
        case .banBreach: t("brudd på brev- og besøksforbud", "breach of a letter or visit ban")
        case .communitySentenceBreach: t("brudd på vilkår for samfunnsstraff", "community sentence breach")
        case .electronicMonitoringBreach: t("brudd ved elektronisk kontroll", "electronic monitoring breach")
        case .threatAtOffice: t("trussel på friomsorgskontoret", "threat at the probation office")
        case .homeVisitIncident: t("hendelse under hjemmebesøk", "home visit incident")
        case .other: t("annet", "other")
        }
    }
}

extension DeviationCategory: Labelled {
    public var label: LocalizedText {
        switch self {
        case .countMismatch: t("telling stemmer ikke", "count mismatch")
        case .doorLock: t("dør eller lås", "door or lock")
        case .keyControl: t("nøkkelkontroll", "key control")
        case .searchMissed: t("visitasjon ikke utført", "search not carried out")
        case .staffingBelowMinimum: t("bemanning under minimum", "staffing below minimum")
        case .equipmentFailure: t("feil på utstyr", "equipment failure")
        case .maintenance: t("vedlikehold", "maintenance")
        case .routineBreach: t("rutinebrudd", "routine breach")
        case .hse: t("HMS", "health and safety")
        case .personalData: t("personopplysninger", "personal data")
        case .entryControl: t("adgangskontroll ikke utført", "entry control not carried out")
        case .doubleOccupancy: t("dobbeltbelegg", "double occupancy")
        case .other: t("annet", "other")
        }
    }
}

extension ManipulationMethod: Labelled {
    public var label: LocalizedText {
        switch self {
        case .giftsFavours: t("gaver og tjenester", "gifts and favours")
        case .privateProbing: t("utspørring om privatliv", "probing into private life")
        case .boundaryTesting: t("grensetesting", "boundary testing")
        case .relationshipBuilding: t("relasjonsbygging", "relationship building")
        case .pressureThreats: t("press og trusler", "pressure and threats")
        case .familyContact: t("kontakt med familie", "contact with family")
        case .smugglingRequest: t("anmodning om innsmugling", "smuggling request")
        case .informationRequest: t("anmodning om informasjon", "information request")
        case .other: t("annet", "other")
        }
    }
}

extension ManipulationTarget: Labelled {
    public var label: LocalizedText {
        switch self {
        case .reporter: t("melderen selv", "the reporter")
        case .colleague: t("kollega", "colleague")
        case .family: t("familie", "family")
        }
    }
}

extension ThreatType: Labelled {
    public var label: LocalizedText {
        switch self {
        case .escapePlan: t("rømningsplan", "escape plan")
        case .violencePlan: t("voldsplan", "violence plan")
        case .threatStaff: t("trussel mot tilsatt", "threat against staff")
        case .threatStaffFamily: t("trussel mot tilsatts familie", "threat against staff's family")
        case .threatInmate: t("trussel mot innsatt", "threat against an inmate")
        case .organisedCrime: t("organisert kriminalitet", "organised crime")
        case .radicalisation: t("radikalisering / voldelig ekstremisme", "radicalisation / violent extremism")
        case .contrabandRoute: t("innsmuglingsrute", "contraband route")
        case .externalAttack: t("angrep utenfra", "external attack")
        case .cyber: t("informasjon / cyber", "information / cyber")
        case .hostagePlan: t("plan om gisseltaking", "hostage plan")
        case .other: t("annet", "other")
        }
    }
}

extension ThreatSource: Labelled {
    public var label: LocalizedText {
        switch self {
        case .ownObservation: t("egen observasjon", "own observation")
        case .inmate: t("innsatt", "inmate")
        case .staff: t("tilsatt", "staff")
        case .policeInfoflyt: t("politiet / INFOFLYT", "police / INFOFLYT")
        case .otherAgency: t("annen etat", "other agency")
        case .technical: t("teknisk", "technical")
        }
    }
}

extension SourceReliability: Labelled {
    public var label: LocalizedText {
        switch self {
        case .a: t("A – helt pålitelig", "A – completely reliable")
        case .b: t("B – vanligvis pålitelig", "B – usually reliable")
        case .c: t("C – ganske pålitelig", "C – fairly reliable")
        case .d: t("D – vanligvis ikke pålitelig", "D – not usually reliable")
        case .e: t("E – upålitelig", "E – unreliable")
        case .f: t("F – kan ikke bedømmes", "F – cannot be judged")
        }
    }
}

extension InformationCredibility: Labelled {
    public var label: LocalizedText {
        switch self {
        case .confirmed: t("1 – bekreftet", "1 – confirmed")
        case .probablyTrue: t("2 – sannsynligvis sann", "2 – probably true")
        case .possiblyTrue: t("3 – muligens sann", "3 – possibly true")
        case .doubtful: t("4 – tvilsom", "4 – doubtful")
        case .improbable: t("5 – usannsynlig", "5 – improbable")
        case .cannotBeJudged: t("6 – kan ikke bedømmes", "6 – cannot be judged")
        }
    }
}

extension EntryStatus: Labelled {
    public var label: LocalizedText { Status.label(rawValue) }
}

extension DeviationStatus: Labelled {
    public var label: LocalizedText { Status.label(rawValue) }
}

/// Status names shared by entries and deviations, so "closed" is worded once.
public enum Status {
    /// The name of a status code of either an entry or a deviation.
    public static func label(_ code: String) -> LocalizedText {
        switch code {
        case "registered": t("registrert", "registered")
        case "acknowledged": t("kvittert", "acknowledged")
        case "under_treatment": t("under behandling", "under treatment")
        case "measure_decided": t("tiltak besluttet", "measure decided")
        case "assessed": t("vurdert", "assessed")
        case "closed": t("lukket", "closed")
        default: LocalizedText(nb: code, en: code)
        }
    }
}

extension EntryCategory: Labelled {
    public var label: LocalizedText { EntryCategory.label(kind: kind, code: code) }

    /// The name of category `code` of `kind`; an unknown code is shown as it is.
    public static func label(kind: EntryKind, code: String) -> LocalizedText {
        switch kind {
        case .incident: labelOf(IncidentCategory.self, code)
        case .deviation: labelOf(DeviationCategory.self, code)
        case .manipulation: labelOf(ManipulationMethod.self, code)
        case .threat: labelOf(ThreatType.self, code)
        }
    }
}

extension LifecycleStatus: Labelled {
    public var label: LocalizedText { Status.label(code) }
}
