import Foundation
@testable import Rules
import VaktloggCore

let engine = RulesEngine()
/// The first shipped set, for tests that prove entries judged by it keep its reading.
let engine2006_1 = RulesEngine(ruleSet: .ksf2006_1)

func date(_ s: String) -> CalendarDate {
    guard let d = CalendarDate(s) else { fatalError("bad test date \(s)") }
    return d
}

func instant(_ s: String) -> Date {
    guard let t = Timestamp(rfc3339: s) else { fatalError("bad test timestamp \(s)") }
    return t.date
}

/// Answers one contract line and parses the result back into a JSON value.
func answer(_ line: String, engine e: RulesEngine = engine) -> (ok: Bool, json: JSONValue) {
    let a = RulesContract.answer(line, engine: e)
    guard let node = try? JSONParser.parse(a.json) else { return (a.ok, .null) }
    return (a.ok, node.plain)
}

extension JSONValue {
    subscript(key: String) -> JSONValue {
        if case .object(let m) = self { return m[key, default: .null] }
        return .null
    }
    subscript(index: Int) -> JSONValue {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return .null
    }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    var int: Int? { if case .int(let i) = self { return i }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var array: [JSONValue] { if case .array(let a) = self { return a }; return [] }
}
