public import Foundation

/// An entry as a duty officer (or an integration) submits it, before the rules judge it.
///
/// The same shape is read from `vaktlogg log --json`, written to the offline spool, and accepted by
/// the HTTP API, so its JSON keys (snake_case) are a stable contract.
public struct EntryDraft: Codable, Sendable, Hashable {
    /// A person involved, by pseudonymous reference (a case number), never a name.
    public struct Person: Codable, Sendable, Hashable {
        public var role: PersonRole
        public var ref: String
        public init(role: PersonRole, ref: String) {
            self.role = role
            self.ref = ref
        }
    }

    public var kind: EntryKind
    /// Category code; for manipulation reports the method, for threat events the threat type.
    public var category: String
    /// Unit code; the reporter's home unit when absent.
    public var unit: String?
    public var occurredAt: Date?
    /// When the officer reported it; set at first attempt and kept through the spool.
    public var reportedAt: Date?
    public var domain: SecurityDomain?
    public var text: String
    public var persons: [Person]
    /// Interests the reporter adds to the category's defaults.
    public var interests: [Interest]
    public var probability: Int?
    public var consequence: Int?
    // manipulation reports
    public var target: ManipulationTarget?
    public var inWorkingHours: Bool?
    // threat events
    public var source: ThreatSource?
    public var sourceReliability: SourceReliability?
    public var informationCredibility: InformationCredibility?
    public var organisedCrimeCriteria: [Int]
    public var infoflyt: Bool?
    /// Makes delivery idempotent: a draft delivered twice is stored once.
    public var idempotencyKey: UUID?
    /// The sender's own reference for the event (an alarm's id): repeated by the same reporter in
    /// the same unit within the rule set's window, it is folded into the first entry (sql/034).
    public var sourceRef: String?

    public init(kind: EntryKind, category: String, text: String) {
        self.kind = kind
        self.category = category
        self.text = text
        self.persons = []
        self.interests = []
        self.organisedCrimeCriteria = []
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, category, unit, domain, text, persons, interests, probability, consequence, target, source, infoflyt
        case occurredAt = "occurred_at"
        case reportedAt = "reported_at"
        case inWorkingHours = "in_working_hours"
        case sourceReliability = "source_reliability"
        case informationCredibility = "information_credibility"
        case organisedCrimeCriteria = "organised_crime_criteria"
        case idempotencyKey = "idempotency_key"
        case sourceRef = "source_ref"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(EntryKind.self, forKey: .kind)
        category = try c.decode(String.self, forKey: .category)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        occurredAt = try c.decodeIfPresent(String.self, forKey: .occurredAt).map { try Self.date($0, .occurredAt, c) }
        reportedAt = try c.decodeIfPresent(String.self, forKey: .reportedAt).map { try Self.date($0, .reportedAt, c) }
        domain = try c.decodeIfPresent(SecurityDomain.self, forKey: .domain)
        text = try c.decode(String.self, forKey: .text)
        persons = try c.decodeIfPresent([Person].self, forKey: .persons) ?? []
        interests = try c.decodeIfPresent([Interest].self, forKey: .interests) ?? []
        probability = try c.decodeIfPresent(Int.self, forKey: .probability)
        consequence = try c.decodeIfPresent(Int.self, forKey: .consequence)
        target = try c.decodeIfPresent(ManipulationTarget.self, forKey: .target)
        inWorkingHours = try c.decodeIfPresent(Bool.self, forKey: .inWorkingHours)
        source = try c.decodeIfPresent(ThreatSource.self, forKey: .source)
        sourceReliability = try c.decodeIfPresent(SourceReliability.self, forKey: .sourceReliability)
        // Accept 3 as well as "3": credibility is a digit on the grading scale.
        if let n = try? c.decodeIfPresent(Int.self, forKey: .informationCredibility) {
            guard let v = InformationCredibility(rawValue: String(n)) else {
                throw DecodingError.dataCorruptedError(forKey: .informationCredibility, in: c, debugDescription: "1-6")
            }
            informationCredibility = v
        } else {
            informationCredibility = try c.decodeIfPresent(InformationCredibility.self, forKey: .informationCredibility)
        }
        organisedCrimeCriteria = try c.decodeIfPresent([Int].self, forKey: .organisedCrimeCriteria) ?? []
        infoflyt = try c.decodeIfPresent(Bool.self, forKey: .infoflyt)
        idempotencyKey = try c.decodeIfPresent(UUID.self, forKey: .idempotencyKey)
        sourceRef = try c.decodeIfPresent(String.self, forKey: .sourceRef)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(category, forKey: .category)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(occurredAt.map(Timestamp.format), forKey: .occurredAt)
        try c.encodeIfPresent(reportedAt.map(Timestamp.format), forKey: .reportedAt)
        try c.encodeIfPresent(domain, forKey: .domain)
        try c.encode(text, forKey: .text)
        try c.encode(persons, forKey: .persons)
        try c.encode(interests, forKey: .interests)
        try c.encodeIfPresent(probability, forKey: .probability)
        try c.encodeIfPresent(consequence, forKey: .consequence)
        try c.encodeIfPresent(target, forKey: .target)
        try c.encodeIfPresent(inWorkingHours, forKey: .inWorkingHours)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(sourceReliability, forKey: .sourceReliability)
        try c.encodeIfPresent(informationCredibility, forKey: .informationCredibility)
        if !organisedCrimeCriteria.isEmpty { try c.encode(organisedCrimeCriteria, forKey: .organisedCrimeCriteria) }
        try c.encodeIfPresent(infoflyt, forKey: .infoflyt)
        try c.encodeIfPresent(idempotencyKey, forKey: .idempotencyKey)
        try c.encodeIfPresent(sourceRef, forKey: .sourceRef)
    }

    private static func date(_ text: String, _ key: CodingKeys, _ c: KeyedDecodingContainer<CodingKeys>) throws -> Date {
        guard let t = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected an RFC 3339 time")
        }
        return t.date
    }
}
