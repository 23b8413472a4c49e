public import Foundation
public import VaktloggCore

/// The new-entry form (key `n`): one value per field, typed or picked, turned into the same
/// ``EntryDraft`` that `vaktlogg log` builds. A plain value: the reducer edits it, the renderer draws
/// it, and it stays in the state when the form is closed with Esc or the database goes away.
public struct EntryForm: Sendable, Hashable {
    /// Where the form is: being filled in, waiting for the rules' judgement, asking to save, saving.
    public enum Phase: Sendable, Hashable {
        case editing
        case judging
        /// The rules' judgement is shown; j saves, n/Esc goes back to editing.
        case confirming(FormJudgement)
        case saving
    }

    public var kind: EntryKind = .incident
    /// Codes for picked fields, text for typed ones; a missing key is an empty field.
    public var values: [FormField: String] = [:]
    /// The field with the cursor.
    public var focus: FormField = .kind
    /// What has been typed into the focused picker (its type-ahead); empty when none.
    public var query = ""
    /// The highlighted option among the focused picker's matches.
    public var highlighted = 0
    /// Refusals by field, from the last attempt to save (the draft's validation or the database).
    public var errors: [FormField: String] = [:]
    public var phase: Phase = .editing
    /// Fixed at the first judgement and kept until the entry is stored or spooled, so a retry (or a
    /// delivery from the spool) keeps the time it was reported and stores the entry once.
    public var reportedAt: Date?
    public var idempotencyKey: UUID?

    /// A blank form with its defaults: an incident, the role `inmate` for the person, the user's home
    /// unit, now as the time.
    public init() {
        values[.personRole] = PersonRole.inmate.rawValue
    }

    /// The fields of the form for its kind, in Tab order: what a common entry needs first.
    public var fields: [FormField] {
        var f: [FormField] = [.kind, .category, .text, .persons, .personRole, .probability, .consequence]
        switch kind {
        case .manipulation: f += [.target, .workingHours]
        case .threat: f += [.source, .reliability, .credibility]
        case .incident, .deviation: break
        }
        return f + [.interest, .unit, .occurred]
    }

    /// The value of `field` (empty when not set).
    public func value(_ field: FormField) -> String { field == .kind ? kind.rawValue : values[field] ?? "" }
}

/// One field of the new-entry form.
public enum FormField: String, Sendable, Hashable, CaseIterable {
    case kind, category, text, persons, personRole, probability, consequence
    case target, workingHours, source, reliability, credibility
    case interest, unit, occurred

    /// True for the fields typed freely; the others are picked from their allowed values.
    public var isTyped: Bool { self == .text || self == .persons || self == .occurred }

    /// The names the draft's validation (and the database) use for this field, so a refusal lands
    /// on the field it names.
    var draftFields: [String] {
        switch self {
        case .kind: ["kind"]
        case .category: ["category"]
        case .text: ["text"]
        case .persons: ["persons"]
        case .personRole: ["role"]
        case .probability: ["probability"]
        case .consequence: ["consequence"]
        case .target: ["target"]
        case .workingHours: ["in_working_hours"]
        case .source: ["source"]
        case .reliability: ["source_reliability"]
        case .credibility: ["information_credibility"]
        case .interest: ["interests"]
        case .unit: ["unit"]
        case .occurred: ["occurred_at", "reported_at", "occurred"]
        }
    }

    /// The field a refusal names (`persons[0].ref` is the persons field), nil when none of the form's.
    static func forDraftField(_ name: String) -> FormField? {
        let base = String(name.prefix { $0 != "[" && $0 != "." })
        return allCases.first { $0.draftFields.contains(base) }
    }
}

/// What the rules say about a draft before it is saved: priority, risk and deadlines, from the same
/// judgement `vaktlogg log` stores.
public struct FormJudgement: Sendable, Hashable {
    /// A deadline the rules set: its code (`p1_acknowledge` …) and when it falls due.
    public struct Deadline: Sendable, Hashable {
        public var code: String
        public var due: Date
        public init(code: String, due: Date) {
            self.code = code
            self.due = due
        }
    }

    public var priority: Priority
    public var riskScore: Int
    public var band: RiskBand
    public var interests: [Interest]
    public var deadlines: [Deadline]
    /// What the rules ask of the reporter, already in the user's language.
    public var actions: [String]
    public var rulesVersion: String

    public init(priority: Priority, riskScore: Int, band: RiskBand, interests: [Interest], deadlines: [Deadline],
                actions: [String], rulesVersion: String) {
        self.priority = priority
        self.riskScore = riskScore
        self.band = band
        self.interests = interests
        self.deadlines = deadlines
        self.actions = actions
        self.rulesVersion = rulesVersion
    }
}
