/// A table the synthetic seed loads with COPY: its columns in COPY order and, for a chained
/// table, the order in which `to_jsonb(row)` prints them (jsonb's key order), so that each row's
/// canonical text can be written without building an object.
struct ChainTable: Sendable {
    let name: String
    let columns: [String]
    let chained: Bool
    /// Column indexes in jsonb key order, without prev_hash and row_hash (chain_canonical, sql/002).
    let canonical: [Int]
    /// The same for a sealed row: also without sealed_by, sealed_salt and reporter (sql/015).
    let canonicalSealed: [Int]
    let seq: Int
    let prev: Int
    let hash: Int
    let unit: Int
    let commitment: Int?

    init(_ name: String, chained: Bool = true, _ columns: [String]) {
        self.name = name
        self.columns = columns
        self.chained = chained
        let ordered = columns.indices.sorted { JSONBText.precedes(columns[$0], columns[$1]) }
        canonical = ordered.filter { !["prev_hash", "row_hash"].contains(columns[$0]) }
        canonicalSealed = canonical.filter { !["sealed_by", "sealed_salt", "reporter"].contains(columns[$0]) }
        seq = columns.firstIndex(of: "chain_seq") ?? -1
        prev = columns.firstIndex(of: "prev_hash") ?? -1
        hash = columns.firstIndex(of: "row_hash") ?? -1
        unit = columns.firstIndex(of: "unit_code") ?? -1
        commitment = columns.firstIndex(of: "sealed_commitment")
    }

    /// `COPY name (columns) FROM STDIN`; the names are this module's constants, never input.
    var copyStatement: String { "COPY \(name) (\(columns.joined(separator: ", "))) FROM STDIN" }

    // The tables as of migration 025. Columns added later are nullable without a default
    // (Tests/README), so they are NULL here and absent from the canonical form, as in any row
    // written before them.
    static let entries = ChainTable("entries", [
        "id", "ref", "kind", "category", "unit_code", "occurred_at", "reported_at", "recorded_at", "reporter",
        "domain", "text", "interests", "probability", "consequence", "risk_score", "tier", "priority", "target",
        "in_working_hours", "threat_source", "source_reliability", "info_credibility", "oc_criteria", "infoflyt",
        "police_decision_required", "rules_version", "rules_hash", "trace", "deadlines", "idempotency_key",
        "chain_seq", "prev_hash", "row_hash", "sealed_by", "sealed_salt", "sealed_commitment"])
    static let persons = ChainTable("entry_persons", [
        "id", "entry_id", "unit_code", "person_ref", "role", "added_by", "added_at",
        "chain_seq", "prev_hash", "row_hash", "sealed_by", "sealed_salt", "sealed_commitment"])
    static let events = ChainTable("entry_events", [
        "id", "entry_id", "unit_code", "event", "actor", "at", "assignee", "text", "data", "rules_version", "trace",
        "chain_seq", "prev_hash", "row_hash", "sealed_by", "sealed_salt", "sealed_commitment"])
    static let amendments = ChainTable("amendments", [
        "id", "entry_id", "unit_code", "actor", "at", "reason", "changes", "tier", "priority", "risk_score",
        "rules_version", "trace", "chain_seq", "prev_hash", "row_hash", "sealed_by", "sealed_salt", "sealed_commitment"])
    static let measures = ChainTable("measures", [
        "id", "entry_id", "unit_code", "person_ref", "type", "description", "purpose", "burdens", "restrictiveness",
        "ground", "justification", "rehabilitation_note", "assessment_id", "outcome", "violations", "decided_by",
        "decided_at", "rules_version", "trace", "chain_seq", "prev_hash", "row_hash",
        "sealed_by", "sealed_salt", "sealed_commitment"])
    static let decisions = ChainTable("decisions", [
        "id", "entry_id", "unit_code", "person_ref", "text", "public_safety_significant", "justification",
        "assessment_ids", "decided_by", "decided_at", "rules_version", "trace", "chain_seq", "prev_hash", "row_hash",
        "sealed_by", "sealed_salt", "sealed_commitment"])
    static let assessments = ChainTable("risk_assessments", [
        "id", "person_ref", "unit_code", "probability", "consequence", "score", "band", "summary", "assessor",
        "assessed_at", "valid_until", "rules_version", "trace", "chain_seq", "prev_hash", "row_hash"])
    /// The projection (sql/003, 010), not chained.
    static let state = ChainTable("entry_state", chained: false, [
        "entry_id", "ref", "unit_code", "kind", "category", "domain", "text", "interests", "probability",
        "consequence", "risk_score", "tier", "priority", "status", "assignee", "occurred_at", "reported_at",
        "acknowledged_at", "acknowledged_by", "closed_at", "ack_due", "treatment_due", "close_due", "review_due",
        "supervision_due", "assessment_due", "police_due", "supervision_offered_at", "supervision_held_at",
        "assessed_at", "police_decided_at", "police_decision_required", "escalated_at", "amendment_count",
        "updated_at"])
    /// The person registry, not chained.
    static let registry = ChainTable("persons", chained: false, ["ref", "created_at"])

    /// The chain heads the load ends with, not chained.
    static let heads = ChainTable("chain_heads", chained: false, ["unit_code", "seq", "head", "entry_count"])

    /// Every table in load order (referenced rows before the rows referring to them).
    static let all: [ChainTable] = [registry, entries, persons, events, amendments, assessments, measures, decisions, state, heads]
}
