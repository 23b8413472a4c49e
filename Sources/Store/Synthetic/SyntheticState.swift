/// The current-state projection of one synthetic entry, moved along by its events exactly as
/// entries_project(), entry_events_project() and amendments_project() move it (sql/010, 014), so
/// that the seed can write entry_state directly.
struct SyntheticState {
    var category: String
    var domain: String
    var text: String
    var interests: [String]
    var probability: Int64
    var consequence: Int64
    var riskScore: Int64
    var tier: Int64
    var status = "registered"
    var assignee: String?
    var occurredAt: Int64
    var reportedAt: Int64
    var acknowledgedAt: Int64?
    var acknowledgedBy: String?
    var closedAt: Int64?
    var due: [String: Int64]   // ack, treatment, close, review, supervision, assessment, police
    var supervisionOfferedAt: Int64?
    var supervisionHeldAt: Int64?
    var assessedAt: Int64?
    var policeDecidedAt: Int64?
    var policeRequired: Bool
    var escalatedAt: Int64?
    var amendmentCount: Int64 = 0
    var updatedAt: Int64

    let kind: String

    /// Applies one lifecycle event at `at` (entry_events_project).
    mutating func apply(event: String, at: Int64, actor: String?, assignee: String?, data: [String: Int64]) {
        switch event {
        case "acknowledge":
            status = "acknowledged"; acknowledgedAt = at; acknowledgedBy = actor
            due["ack"] = nil; due["review"] = nil
        case "assign":
            self.assignee = assignee
        case "treatment_started":
            status = "under_treatment"; due["treatment"] = nil
        case "measure_decided":
            status = "measure_decided"; self.assignee = assignee
        case "close":
            status = "closed"; closedAt = at
            due["close"] = nil; due["ack"] = nil; due["review"] = nil; due["treatment"] = nil
        case "reopen":
            closedAt = nil
            due["close"] = kind == "deviation" ? data["close_due"] : nil
            status = kind == "deviation" ? "under_treatment" : (kind == "threat" && assessedAt != nil ? "assessed" : "acknowledged")
        case "supervision_offered":
            supervisionOfferedAt = at
        case "supervision_held":
            supervisionHeldAt = at; due["supervision"] = nil
            if supervisionOfferedAt == nil { supervisionOfferedAt = at }
        case "threat_assessed":
            status = "assessed"; assessedAt = at; due["assessment"] = nil
            if acknowledgedAt == nil { acknowledgedAt = at }
            due["ack"] = nil
            probability = data["probability"]!; consequence = data["consequence"]!
            riskScore = probability * consequence
        case "police_decision":
            policeDecidedAt = at; due["police"] = nil
        case "escalated":
            escalatedAt = at
        default:
            break
        }
        updatedAt = at
    }

    /// Applies an amendment (amendments_project with amendments_prepare's judgement).
    mutating func amend(text newText: String?, probability newP: Int64?, at: Int64) {
        if let newText { text = newText }
        if let newP { probability = newP }
        riskScore = probability * consequence
        amendmentCount += 1
        updatedAt = at
    }

    /// The entry_state row (ChainTable.state column order).
    func row(entryID: Int64, ref: String, unit: String) -> [ChainValue] {
        func t(_ v: Int64?) -> ChainValue { v.map { .time($0) } ?? .null }
        func s(_ v: String?) -> ChainValue { v.map { .text($0) } ?? .null }
        let closed = status == "closed"
        _ = closed
        return [
            .int(entryID), .text(ref), .text(unit), .text(kind), .text(category), .text(domain), .text(text),
            .texts(interests), .int(probability), .int(consequence), .int(riskScore), .int(tier), .text("P\(tier)"),
            .text(status), s(assignee), .time(occurredAt), .time(reportedAt), t(acknowledgedAt), s(acknowledgedBy),
            t(closedAt), t(due["ack"]), t(due["treatment"]), t(due["close"]), t(due["review"]), t(due["supervision"]),
            t(due["assessment"]), t(due["police"]), t(supervisionOfferedAt), t(supervisionHeldAt), t(assessedAt),
            t(policeDecidedAt), .bool(policeRequired), t(escalatedAt), .int(amendmentCount), .time(updatedAt),
        ]
    }
}
