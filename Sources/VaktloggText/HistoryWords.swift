import Foundation
public import VaktloggCore
import Rules

/// The stored fields of a history row (an amendment's changes, a measure's fields, an escalation)
/// told with labels, not codes. Shared by `show` and the dashboard's detail screen.
public enum HistoryWords {
    /// The deadline an escalation names and its due time in Oslo time (sql/020 writes them in UTC).
    public static func escalation(_ json: String) -> (deadline: String, due: String)? {
        guard case .object(let o)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
              case .string(let what)? = o["deadline"], case .string(let due)? = o["due"] else { return nil }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return (what, parser.date(from: due).map { OsloTime.format($0) } ?? due)
    }

    /// `field: value, …` of a JSON object, nulls left out, for the history lines; codes as labels.
    /// Decoded as `JSONValue`, so a flag (`true`) and a number (`1`) stay apart.
    public static func fields(_ json: String, _ l: Language) -> String {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return json }
        func scalar(_ key: String, _ v: JSONValue) -> String? {
            switch v {
            case .null: nil
            case .bool(let b): b ? EntryText.yes(l) : EntryText.no(l)
            case .string(let s): value(key, s, l)
            case .int(let i): value(key, String(i), l)
            case .array(let items): items.compactMap { scalar(key, $0) }.joined(separator: ", ")
            default: v.canonicalJSON
            }
        }
        return object.keys.sorted().compactMap { key -> String? in
            scalar(key, object[key]!).map { "\(EntryText.field(key)(l)): \($0)" }
        }.joined(separator: ", ")
    }

    /// A stored value shown by its label when the field holds a code.
    public static func value(_ key: String, _ raw: String, _ l: Language) -> String {
        let label: LocalizedText? = switch key {
        case "purpose", "burdens", "interests", "add_interests": Interest(rawValue: raw)?.label
        case "type": MeasureType(rawValue: raw)?.label
        case "outcome": Outcome(rawValue: raw)?.label ?? (raw == "justified" ? OutcomeText.justified : nil)
        case "restrictiveness": Int(raw).flatMap(Restrictiveness.init(rawValue:))?.label
        case "source": ThreatSource(rawValue: raw)?.label
        case "target": ManipulationTarget(rawValue: raw)?.label
        case "source_reliability", "reliability": SourceReliability(rawValue: raw)?.label
        case "information_credibility", "credibility": InformationCredibility(rawValue: raw)?.label
        case "domain": SecurityDomain(rawValue: raw)?.label
        case "band": RiskBand(rawValue: raw)?.label
        case "decision_type": DecisionType(rawValue: raw)?.label
        default: nil
        }
        return label?(l) ?? raw
    }
}
