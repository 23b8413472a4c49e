/// The lifecycle actions the dashboard offers from the keyboard. Each maps onto one Store workflow
/// (`lifecycle.record` or `amendments.amend`), the same the CLI commands use; `--readonly` hides
/// them all.
public enum DashboardAction: String, Sendable, Hashable, CaseIterable {
    case acknowledge, assign, comment, treat, close, reopen, amend, measure

    /// The key that starts the action, in the queue (on the selected row) and in the detail screen.
    public var key: Character {
        switch self {
        case .acknowledge: "a"
        case .assign: "s"
        case .comment: "c"
        case .treat: "t"
        case .close: "x"
        case .reopen: "o"
        case .amend: "e"
        case .measure: "m"
        }
    }

    /// What the officer types before confirming, in order.
    public var fields: [DashboardActionField] {
        switch self {
        case .acknowledge: []
        case .assign: [.user]
        case .comment: [.comment]
        case .treat: [.cause]
        case .close: [.verification]
        case .reopen: [.reason]
        case .amend: [.newText, .reason]
        case .measure: [.measureType, .purpose, .restrictiveness, .person, .justification]
        }
    }

    /// True when the rules judge the typed values before the officer is asked to confirm.
    public var isJudged: Bool { self == .measure }

    /// The action whose key is `c`, if any.
    public static func forKey(_ c: Character) -> DashboardAction? { allCases.first { $0.key == c } }
}

/// One value an action needs.
public enum DashboardActionField: String, Sendable, Hashable {
    case user, comment, cause, verification, reason, newText
    case measureType, purpose, restrictiveness, person, justification

    /// Whether an empty value is refused before anything is sent (closing a non-deviation needs no
    /// verification; the database still refuses a deviation closed without one; a measure's person
    /// and justification are asked for by the rules when they are needed).
    public var isRequired: Bool { ![.verification, .person, .justification].contains(self) }
}

/// A confirmed action with what was typed, handed to the loop as an effect.
public struct DashboardActionRequest: Sendable, Hashable {
    public var action: DashboardAction
    public var ref: String
    /// The typed values, one per ``DashboardAction/fields`` entry.
    public var values: [String]
    public init(action: DashboardAction, ref: String, values: [String]) {
        self.action = action
        self.ref = ref
        self.values = values
    }
}

/// An action being prepared: its values typed one after the other, then a yes/no confirmation.
public struct DashboardPrompt: Sendable, Hashable {
    public var action: DashboardAction
    public var ref: String
    /// Values typed so far; the last one is being edited while not confirming.
    public var values: [String]
    /// True once every value is in and the officer is asked to confirm.
    public var confirming: Bool
    /// The rules' judgement of a judged action (a measure), in words, once it has arrived; the
    /// officer is asked to confirm only after it.
    public var judgement: [String]?
    /// True while a judged action waits for the rules.
    public var judging = false

    public init(action: DashboardAction, ref: String) {
        self.action = action
        self.ref = ref
        self.values = action.fields.isEmpty ? [] : [""]
        self.confirming = action.fields.isEmpty
    }

    /// The field being typed, nil while confirming.
    public var field: DashboardActionField? {
        confirming ? nil : action.fields[values.count - 1]
    }

    public var request: DashboardActionRequest { DashboardActionRequest(action: action, ref: ref, values: values) }
}
