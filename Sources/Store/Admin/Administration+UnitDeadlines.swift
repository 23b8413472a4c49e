import Foundation
public import Postgres
public import Rules
public import VaktloggCore
import VaktloggText

/// One deadline as it applies to new entries of a unit.
public struct UnitDeadline: Sendable, Hashable, Encodable {
    /// The rule-set key, e.g. `p1_acknowledge_minutes`.
    public let key: String
    /// The value in force for new entries.
    public let value: Int
    /// The rule set's own value.
    public let ruleSetValue: Int
    /// Whether the unit overrides it.
    public let overridden: Bool

    enum CodingKeys: String, CodingKey {
        case key, value, overridden
        case ruleSetValue = "rule_set_value"
    }
}

/// A change to a unit's deadlines: `value` nil returns the key to the rule set.
public struct UnitDeadlineChange: Sendable, Hashable {
    /// The key.
    public let key: String
    /// The new value, or nil for the rule set's.
    public let value: Int?

    /// The keys a unit may override: the rule set's deadline keys except the renewal period of an
    /// individual risk assessment, which the rules module applies from the rule set alone.
    public static let allowedKeys: [String] = DeadlineRules.allKeys.filter { $0 != "risk_assessment_renewal_days" }

    /// Parses `key=value` (`value` a whole number 1–100000, or `default`), naming the key and the
    /// allowed values when it is wrong.
    public init(parsing text: String) throws(ValidationError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw ValidationError(code: .invalidFormat, field: "set", message: UnitDeadlineText.notKeyValue(text))
        }
        let key = parts[0].trimmingCharacters(in: .whitespaces)
        let raw = parts[1].trimmingCharacters(in: .whitespaces)
        guard Self.allowedKeys.contains(key) else {
            throw ValidationError(code: .unknownCode, field: "set", message: UnitDeadlineText.unknownKey(key, allowed: Self.allowedKeys))
        }
        if raw == "default" {
            self.key = key
            self.value = nil
            return
        }
        guard let v = Int(raw), (1...100_000).contains(v) else {
            throw ValidationError(code: .outOfRange, field: key, message: UnitDeadlineText.badValue(key, raw))
        }
        self.key = key
        self.value = v
    }
}

extension Administration {
    /// Records `changes` to `unit`'s deadlines (administrators only), each a versioned row; they
    /// apply to entries logged from now on. Returns the ids of the rows.
    public func setUnitDeadlines(unit: String, changes: [UnitDeadlineChange], reason: String) throws(StoreError) -> [Int64] {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid(.blank, field: "reason") }
        return try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                return try changes.map { ch in
                    try c.query("SELECT admin_set_unit_deadline(\(unit), \(ch.key), \(ch.value), \(reason)) AS id")
                        .first!.decode(Int64.self, "id")
                }
            }
        }
    }

    /// The deadlines new entries of `unit` get under `ruleSet` (registered in the database), with
    /// the unit's overrides marked.
    public func unitDeadlines(unit: String, ruleSet: RuleSet) throws(StoreError) -> [UnitDeadline] {
        try StoreError.mapping {
            let row = try connection.query("SELECT unit_deadlines(\(unit), \(ruleSet.version))::text AS d").first!
            let text = try row.decode(String.self, "d")
            guard case .object(let values) = try JSONParser.parse(text).plain else { return [] }
            return DeadlineRules.allKeys.compactMap { key -> UnitDeadline? in
                guard case .int(let v)? = values[key], let own = ruleSet.deadlines.value(key) else { return nil }
                return UnitDeadline(key: key, value: v, ruleSetValue: own, overridden: v != own)
            }
        }
    }
}
