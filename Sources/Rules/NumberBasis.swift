public import VaktloggCore

/// Where a number of the rule set comes from (domain.md §4): the strategy gives it, it is our
/// documented reading of the strategy, or the strategy gives no number and this is a sensible
/// default an installation may change. `rules show` and `rules explain` print it beside every
/// number, so no product default is mistaken for something the strategy set.
public enum NumberBasis: String, Codable, Sendable, CaseIterable, Hashable {
    /// The strategy gives the number.
    case stated
    /// Our reading of the strategy, documented in `rules explain`.
    case derived
    /// The strategy gives no number: a product default.
    case productDefault = "product_default"
}

extension RuleSet {
    /// The basis of each part of a rule set, by its JSON path (`deadlines.p1_acknowledge_minutes`).
    /// Fixed by the product, not by a rule file: a file that changes a stated number does not make
    /// it stated, so a changed stated number is shown as the installation's (product_default).
    public static let basisByPath: [(path: String, basis: NumberBasis)] = [
        ("risk_bands", .productDefault),
        ("restrictiveness_limits", .productDefault),
        ("assessment_required_from_restrictiveness", .productDefault),
        ("serious_crime_penalty_years_above", .stated),
        ("organised_crime.minimum_criteria", .stated),
        ("organised_crime.required_criteria", .stated),
        ("category_defaults", .derived),
        ("significant_decision_types", .derived),
    ] + DeadlineRules.allKeys.map { ("deadlines." + $0, NumberBasis.productDefault) }

    /// The basis of the part at `path` in this set: the table's, except that a stated number this
    /// set changes from the shipped value is the installation's choice (`product_default`).
    public func basis(of path: String) -> NumberBasis? {
        guard let b = Self.basisByPath.first(where: { $0.path == path })?.basis else { return nil }
        guard b == .stated else { return b }
        let shipped = RuleSet.ksf2006_1
        switch path {
        case "serious_crime_penalty_years_above":
            return seriousCrimePenaltyYearsAbove == shipped.seriousCrimePenaltyYearsAbove ? .stated : .productDefault
        case "organised_crime.minimum_criteria":
            return organisedCrime.minimumCriteria == shipped.organisedCrime.minimumCriteria ? .stated : .productDefault
        case "organised_crime.required_criteria":
            return organisedCrime.requiredCriteria == shipped.organisedCrime.requiredCriteria ? .stated : .productDefault
        default: return b
        }
    }

    /// The basis of every part, as a JSON object keyed by path (`rules show --json` → `basis`).
    public var basisJSON: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: Self.basisByPath.compactMap { entry in
            basis(of: entry.path).map { (entry.path, JSONValue.string($0.rawValue)) }
        }))
    }
}
