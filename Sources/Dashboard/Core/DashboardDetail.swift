public import Foundation
public import Rules

/// One entry opened in the detail screen: the queue row plus what `show` reads (persons through
/// the logged read, history, deadlines). A plain value, so the reducer stays pure.
public struct DashboardDetail: Sendable, Hashable {
    /// A person linked to the entry, by pseudonymous case reference only.
    public struct Person: Sendable, Hashable {
        public var ref: String
        public var role: String
        public init(ref: String, role: String) {
            self.ref = ref
            self.role = role
        }
    }

    /// A lifecycle event, amendment, measure or decision.
    public struct HistoryItem: Sendable, Hashable {
        public var at: Date
        /// Nil when the actor is sealed from this user (the reporter of a manipulation report).
        public var actor: String?
        public var what: String
        public var text: String?
        /// The person assigned (an `assign` event).
        public var assignee: String?
        /// Stored fields as JSON text: an amendment's changes, a measure's fields, an escalation.
        public var data: String?
        public init(at: Date, actor: String?, what: String, text: String?, assignee: String? = nil, data: String? = nil) {
            self.at = at
            self.actor = actor
            self.what = what
            self.text = text
            self.assignee = assignee
            self.data = data
        }
    }

    /// A kind-specific field as stored (target, source, grading …).
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A pending deadline.
    public struct Deadline: Sendable, Hashable {
        public var name: String
        public var due: Date
        public init(name: String, due: Date) {
            self.name = name
            self.due = due
        }
    }

    public var entry: DashboardEntry
    /// Nil when sealed from this user.
    public var reporter: String?
    public var recordedAt: Date
    public var domain: String
    public var interests: [String]
    public var probability: Int
    public var consequence: Int
    public var persons: [Person]
    /// Kind-specific fields as stored (name, value).
    public var attributes: [Attribute]
    public var deadlines: [Deadline]
    public var history: [HistoryItem]
    public var rulesVersion: String
    /// The text as first stored (the entry carries the current, amended one).
    public var originalText: String
    /// How many amendments the entry has.
    public var amendmentCount: Int
    /// The stored rule trace (told in words by ``TraceWords``).
    public var trace: [TraceStep]

    public init(entry: DashboardEntry, reporter: String?, recordedAt: Date, domain: String, interests: [String],
                probability: Int, consequence: Int, persons: [Person], attributes: [Attribute],
                deadlines: [Deadline], history: [HistoryItem], rulesVersion: String,
                originalText: String? = nil, amendmentCount: Int = 0, trace: [TraceStep] = []) {
        self.originalText = originalText ?? entry.text
        self.amendmentCount = amendmentCount
        self.trace = trace
        self.entry = entry
        self.reporter = reporter
        self.recordedAt = recordedAt
        self.domain = domain
        self.interests = interests
        self.probability = probability
        self.consequence = consequence
        self.persons = persons
        self.attributes = attributes
        self.deadlines = deadlines
        self.history = history
        self.rulesVersion = rulesVersion
    }
}
