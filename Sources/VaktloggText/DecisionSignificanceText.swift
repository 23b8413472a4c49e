public import VaktloggCore

/// Messages about the significance of a decision by its type (rule set ksf-2006.2).
public enum DecisionSignificanceText {
    /// A decision of a type significant by default, not marked significant and with no reason why not.
    public static func significantType(_ type: DecisionType) -> LocalizedText {
        LocalizedText(
            nb: "et vedtak om \(type.label.nb) har særlig betydning for samfunnets trygghet med mindre du sier hvorfor ikke: bruk --public-safety (med --justification og --assessment) eller --not-significant-reason",
            en: "a decision on \(type.label.en) is significant for public safety unless you say why not: use --public-safety (with --justification and --assessment) or --not-significant-reason")
    }

    /// A flagged person's leave, transfer to lower security or release, not marked significant.
    public static func alwaysSignificant(_ type: DecisionType) -> LocalizedText {
        LocalizedText(
            nb: "et vedtak om \(type.label.nb) for en person med forvaring eller INFOFLYT har alltid særlig betydning for samfunnets trygghet: bruk --public-safety med --justification og --assessment",
            en: "a decision on \(type.label.en) for a person flagged forvaring or infoflyt is always significant for public safety: use --public-safety with --justification and --assessment")
    }

    /// A reason why not significant given for a decision recorded as significant.
    public static let waiverOnlyWhenNotSignificant = LocalizedText(
        nb: "--not-significant-reason kan ikke brukes sammen med --public-safety",
        en: "--not-significant-reason cannot be combined with --public-safety")

    /// What `decide` prints about the significance it recorded.
    public static func recordedSignificance(_ significant: Bool, type: DecisionType?) -> LocalizedText {
        let typeNb = type.map { " (\($0.label.nb))" } ?? ""
        let typeEn = type.map { " (\($0.label.en))" } ?? ""
        return significant
            ? LocalizedText(nb: "registrert som av særlig betydning for samfunnets trygghet\(typeNb)",
                            en: "recorded as significant for public safety\(typeEn)")
            : LocalizedText(nb: "registrert som ikke av særlig betydning\(typeNb)", en: "recorded as not significant\(typeEn)")
    }
}
