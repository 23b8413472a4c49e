public import VaktloggCore

/// A rule file that was refused, with every problem found (field path, line, reason).
public struct RuleSetLoadError: Error, Sendable, Hashable {
    /// The problems, in document order.
    public var errors: [ValidationError]
}

extension RuleSet {
    /// Keys someone might try to use to re-weigh the interests; refused with a dedicated reason.
    static let fixedKeys: Set<String> = [
        "tiers", "interest_tiers", "interests", "weights", "weighting", "strict", "strict_rules", "rules",
        "rule_kinds", "kinds", "priorities",
    ]

    /// Parses and validates a rule file. Refuses unknown fields, unknown codes, non-monotone or
    /// overlapping bands, bands leaving an achievable score uncovered, negative deadlines, and a
    /// category default that drops a tier-1 interest the shipped defaults have.
    public static func load(json text: String) throws(RuleSetLoadError) -> RuleSet {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw RuleSetLoadError(errors: [ValidationError(
                code: .malformed, field: "",
                message: LocalizedText(nb: "ikke gyldig JSON: \(error.message) (kolonne \(error.column))",
                                       en: "not valid JSON: \(error.message) (column \(error.column))"),
                line: error.line)])
        }
        let r = FieldReader()
        let set = RuleSetReader(r: r).read(root)
        if let set, r.errors.isEmpty { return set }
        guard !r.errors.isEmpty else {
            throw RuleSetLoadError(errors: [ValidationError(code: .malformed, field: "", message: "invalid rule set")])
        }
        // Document order reads best; the index keeps errors on the same line in discovery order.
        let ordered = r.errors.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }
        throw RuleSetLoadError(errors: ordered.map(\.element))
    }

    /// Checks a rule set built in code (the same semantic checks `load` applies).
    public func validate() throws(RuleSetLoadError) {
        _ = try RuleSet.load(json: canonicalJSON)
    }
}

/// Reads a rule file; each section in its own method, every refusal recorded in `r`.
struct RuleSetReader {
    let r: FieldReader

    func read(_ root: JSONNode) -> RuleSet? {
        let keys = Set(RuleSet.CodingKeys.allCases.map(\.rawValue))
        guard let m = r.object(root, "", allowed: keys, fixed: RuleSet.fixedKeys) else { return nil }
        let line = root.line
        let version = r.required(m, "version", "", line: line).flatMap { readVersion($0) }
        let bands = r.required(m, "risk_bands", "", line: line).flatMap { readBands($0, "risk_bands") }
        let limits = r.required(m, "restrictiveness_limits", "", line: line).flatMap { readLimits($0, "restrictiveness_limits") }
        let from = r.required(m, "assessment_required_from_restrictiveness", "", line: line)
            .flatMap { r.int($0, "assessment_required_from_restrictiveness", in: 1...4) }
        let penalty = r.required(m, "serious_crime_penalty_years_above", "", line: line)
            .flatMap { r.number($0, "serious_crime_penalty_years_above", minimum: 0) }
        let organised = r.required(m, "organised_crime", "", line: line).flatMap { readOrganised($0, "organised_crime") }
        let deadlines = r.required(m, "deadlines", "", line: line).flatMap { readDeadlines($0, "deadlines") }
        let defaults = r.required(m, "category_defaults", "", line: line).flatMap { readDefaults($0, "category_defaults") }
        // Optional since ksf-2006.2: absent keeps a set of revision 1 byte-identical.
        var revision: Int?
        if let n = r.optional(m, "contract_revision") {
            revision = r.int(n, "contract_revision", in: 1...RuleSet.latestContractRevision)
            if revision == nil { return nil }
        }
        var significant: [DecisionType]?
        if let n = r.optional(m, "significant_decision_types") {
            guard let types = r.list(n, "significant_decision_types", { item, p in r.code(item, p, as: DecisionType.self) })
            else { return nil }
            if Set(types).count != types.count {
                r.fail(.duplicate, "significant_decision_types", Msg.duplicateValue, line: n.line)
                return nil
            }
            significant = DecisionType.allCases.filter(types.contains)
        }
        guard let version, let bands, let limits, let from, let penalty, let organised, let deadlines, let defaults
        else { return nil }
        return RuleSet(
            version: version, riskBands: bands, restrictivenessLimits: limits, assessmentRequiredFrom: from,
            seriousCrimePenaltyYearsAbove: penalty, organisedCrime: organised, deadlines: deadlines,
            categoryDefaults: defaults, contractRevision: revision, significantDecisionTypes: significant)
    }

    func readVersion(_ node: JSONNode) -> String? {
        guard let v = r.string(node, "version") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")
        guard !v.isEmpty, v.count <= 64, v.allSatisfy(allowed.contains) else {
            r.fail(.invalidFormat, "version", LocalizedText(
                nb: "versjon må være 1–64 tegn av A–Z, a–z, 0–9, . - _ +",
                en: "version must be 1–64 characters of A–Z, a–z, 0–9, . - _ +"), line: node.line)
            return nil
        }
        return v
    }

    /// Every achievable score P×C with P, C in 1–5.
    static let achievableScores: [Int] = Array(Set((1...5).flatMap { p in (1...5).map { p * $0 } })).sorted()

    func readBands(_ node: JSONNode, _ path: String) -> [BandRange]? {
        guard let items = r.array(node, path) else { return nil }
        var bands: [BandRange] = []
        for (i, item) in items.enumerated() {
            let p = FieldReader.index(path, i)
            guard let m = r.object(item, p, allowed: ["band", "min", "max"]) else { continue }
            guard let band = r.required(m, "band", p, line: item.line).flatMap({ r.code($0, FieldReader.join(p, "band"), as: RiskBand.self) }),
                let lo = r.required(m, "min", p, line: item.line).flatMap({ r.int($0, FieldReader.join(p, "min"), in: 1...25) }),
                let hi = r.required(m, "max", p, line: item.line).flatMap({ r.int($0, FieldReader.join(p, "max"), in: 1...25) })
            else { continue }
            if lo > hi {
                r.fail(.inconsistent, FieldReader.join(p, "min"), LocalizedText(
                    nb: "min (\(lo)) er større enn max (\(hi))", en: "min (\(lo)) is greater than max (\(hi))"), line: item.line)
                continue
            }
            let expected = RiskBand.allCases[min(i, RiskBand.allCases.count - 1)]
            if band != expected || i >= RiskBand.allCases.count {
                r.fail(.inconsistent, FieldReader.join(p, "band"), LocalizedText(
                    nb: "båndene må stå i rekkefølgen low, moderate, high, critical, én gang hver (ikke monotone)",
                    en: "bands must be listed once each in the order low, moderate, high, critical (non-monotone)"),
                    line: item.line)
                continue
            }
            if let prev = bands.last {
                if lo <= prev.max {
                    r.fail(.inconsistent, FieldReader.join(p, "min"), LocalizedText(
                        nb: "overlapper med \(prev.band.rawValue) (\(prev.min)–\(prev.max))",
                        en: "overlaps \(prev.band.rawValue) (\(prev.min)–\(prev.max))"), line: item.line)
                } else if let gap = Self.achievableScores.first(where: { $0 > prev.max && $0 < lo }) {
                    r.fail(.inconsistent, FieldReader.join(p, "min"), LocalizedText(
                        nb: "hull: risikoskåren \(gap) faller ikke i noe bånd",
                        en: "gap: risk score \(gap) falls in no band"), line: item.line)
                }
            } else if lo > 1 {
                r.fail(.inconsistent, FieldReader.join(p, "min"), LocalizedText(
                    nb: "hull: risikoskåren 1 faller ikke i noe bånd", en: "gap: risk score 1 falls in no band"), line: item.line)
            }
            if !Self.achievableScores.contains(where: { lo <= $0 && $0 <= hi }) {
                r.fail(.inconsistent, p, LocalizedText(
                    nb: "båndet inneholder ingen mulig risikoskår (sannsynlighet × konsekvens)",
                    en: "the band contains no achievable risk score (probability × consequence)"), line: item.line)
            }
            bands.append(BandRange(band: band, min: lo, max: hi))
        }
        if bands.count == RiskBand.allCases.count, let last = bands.last, last.max < 25 {
            r.fail(.inconsistent, FieldReader.join(FieldReader.index(path, bands.count - 1), "max"), LocalizedText(
                nb: "hull: risikoskåren 25 faller ikke i noe bånd", en: "gap: risk score 25 falls in no band"), line: node.line)
        } else if items.count < RiskBand.allCases.count {
            r.fail(.missing, path, LocalizedText(
                nb: "alle fire bånd (low, moderate, high, critical) må være med",
                en: "all four bands (low, moderate, high, critical) are required"), line: node.line)
        }
        return bands.count == RiskBand.allCases.count ? bands : nil
    }

    func readLimits(_ node: JSONNode, _ path: String) -> RestrictivenessLimits? {
        guard let m = r.object(node, path, allowed: Set(RiskBand.allCases.map(\.rawValue))) else { return nil }
        var values: [Int] = []
        for band in RiskBand.allCases {
            let p = FieldReader.join(path, band.rawValue)
            guard let v = r.required(m, band.rawValue, path, line: node.line).flatMap({ r.int($0, p, in: 0...4) }) else { continue }
            if let prev = values.last, v < prev {
                r.fail(.inconsistent, p, LocalizedText(
                    nb: "ikke monoton: et høyere risikobånd kan ikke tillate mindre inngripende tiltak enn et lavere",
                    en: "non-monotone: a higher risk band cannot permit less restrictive measures than a lower one"),
                    line: m[band.rawValue]?.line)
            }
            values.append(v)
        }
        guard values.count == 4 else { return nil }
        return RestrictivenessLimits(low: values[0], moderate: values[1], high: values[2], critical: values[3])
    }

    func readOrganised(_ node: JSONNode, _ path: String) -> OrganisedCrimeRules? {
        let keys = Set(OrganisedCrimeRules.CodingKeys.allCases.map(\.rawValue))
        guard let m = r.object(node, path, allowed: keys) else { return nil }
        let minimum = r.required(m, "minimum_criteria", path, line: node.line)
            .flatMap { r.int($0, FieldReader.join(path, "minimum_criteria"), in: 1...11) }
        let reqPath = FieldReader.join(path, "required_criteria")
        let required = r.required(m, "required_criteria", path, line: node.line).flatMap { n in
            r.list(n, reqPath) { item, p in r.int(item, p, in: 1...11) }
        }
        guard let minimum, let required else { return nil }
        if Set(required).count != required.count {
            r.fail(.duplicate, reqPath, Msg.duplicateValue, line: m["required_criteria"]?.line)
            return nil
        }
        if required.count > minimum {
            r.fail(.inconsistent, reqPath, LocalizedText(
                nb: "flere obligatoriske kjennetegn (\(required.count)) enn minstekravet (\(minimum))",
                en: "more required criteria (\(required.count)) than the minimum (\(minimum))"), line: m["required_criteria"]?.line)
            return nil
        }
        return OrganisedCrimeRules(minimumCriteria: minimum, requiredCriteria: required.sorted())
    }
}
