import Foundation
import VaktloggCore
import VaktloggText

/// A small JSON request body (a lifecycle action, a measure, a decision), read strictly: a
/// malformed document is a 400, an unknown or repeated field and a value of the wrong type a 422
/// naming the field — so a typo never silently drops a value.
struct RequestBody {
    private let members: [String: JSONValue]

    /// Reads `data` (empty means `{}`), allowing only `allowed` keys.
    init(_ data: Data, allowed: [String]) throws(Problem) {
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) {
            members = [:]
            return
        }
        let node: JSONNode
        do {
            node = try JSONParser.parse(text)
        } catch {
            throw Problem(status: 400, code: "malformed", detail: APIText.malformedJSON)
        }
        guard case .object(let list) = node.value else {
            throw Problem(status: 400, code: "invalid_type", detail: APIText.expectedObject)
        }
        if let field = Self.nulField(node.plain) {
            throw Problem.invalid(field, APIText.controlCharacters, code: "control_characters")
        }
        var seen: [String: JSONValue] = [:]
        for (key, value) in list {
            guard allowed.contains(key) else {
                throw Problem.invalid(key, APIText.unknownField(allowed: allowed.sorted()), code: "unknown_field")
            }
            guard seen.updateValue(value.plain, forKey: key) == nil else {
                throw Problem.invalid(key, APIText.duplicateField, code: "duplicate")
            }
        }
        members = seen
    }

    private func value(_ key: String) -> JSONValue? {
        guard let v = members[key], v != .null else { return nil }
        return v
    }

    /// A text field; nil when absent or null.
    func string(_ key: String) throws(Problem) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw Problem.invalid(key, APIText.wrongType(expected: "string"), code: "invalid_type") }
        return s
    }

    /// A required text field.
    func requiredString(_ key: String) throws(Problem) -> String {
        guard let s = try string(key) else { throw Problem.invalid(key, APIText.required, code: "required") }
        return s
    }

    /// A whole number; nil when absent.
    func int(_ key: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let v = value(key) else { return nil }
        guard case .int(let n) = v else { throw Problem.invalid(key, APIText.wrongType(expected: "integer"), code: "invalid_type") }
        guard range.contains(n) else {
            throw Problem.invalid(key, APIText.outOfRange(min: range.lowerBound, max: range.upperBound), code: "out_of_range")
        }
        return n
    }

    /// A required whole number.
    func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(Problem) -> Int {
        guard let n = try int(key, in: range) else { throw Problem.invalid(key, APIText.required, code: "required") }
        return n
    }

    /// A flag; nil when absent.
    func bool(_ key: String) throws(Problem) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw Problem.invalid(key, APIText.wrongType(expected: "boolean"), code: "invalid_type") }
        return b
    }

    /// A list of texts; empty when absent.
    func strings(_ key: String) throws(Problem) -> [String] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else { throw Problem.invalid(key, APIText.wrongType(expected: "array"), code: "invalid_type") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw Problem.invalid("\(key)[\(i)]", APIText.wrongType(expected: "string"), code: "invalid_type")
            }
            out.append(s)
        }
        return out
    }

    /// A list of whole numbers; empty when absent.
    func ints(_ key: String) throws(Problem) -> [Int] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else { throw Problem.invalid(key, APIText.wrongType(expected: "array"), code: "invalid_type") }
        var out: [Int] = []
        for (i, item) in items.enumerated() {
            guard case .int(let n) = item else {
                throw Problem.invalid("\(key)[\(i)]", APIText.wrongType(expected: "integer"), code: "invalid_type")
            }
            out.append(n)
        }
        return out
    }

    /// A code of `E`; nil when absent.
    func code<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(Problem) -> E? where E.RawValue == String {
        guard let s = try string(key) else { return nil }
        guard let e = E(rawValue: s) else { throw Self.unknown(key, E.allCases.map(\.rawValue)) }
        return e
    }

    /// A required code of `E`.
    func requiredCode<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(Problem) -> E where E.RawValue == String {
        guard let e = try code(key, type) else { throw Problem.invalid(key, APIText.required, code: "required") }
        return e
    }

    /// Codes of `E`; empty when absent.
    func codes<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(Problem) -> [E] where E.RawValue == String {
        var out: [E] = []
        for (i, s) in try strings(key).enumerated() {
            guard let e = E(rawValue: s) else { throw Self.unknown("\(key)[\(i)]", E.allCases.map(\.rawValue)) }
            out.append(e)
        }
        return out
    }

    /// The path of the first text holding a NUL character (PostgreSQL text cannot hold one).
    static func nulField(_ value: JSONValue, path: String = "") -> String? {
        switch value {
        case .string(let s): return s.unicodeScalars.contains("\u{0}") ? path : nil
        case .array(let items):
            for (i, item) in items.enumerated() { if let f = nulField(item, path: "\(path)[\(i)]") { return f } }
            return nil
        case .object(let members):
            for (k, v) in members.sorted(by: { $0.key < $1.key }) {
                if k.unicodeScalars.contains("\u{0}") { return path }
                if let f = nulField(v, path: path.isEmpty ? k : "\(path).\(k)") { return f }
            }
            return nil
        default: return nil
        }
    }

    /// Refuses a document with a NUL character in a text, naming the field (a 422, before the Store).
    static func refuseNUL(_ data: Data) throws(Problem) {
        guard let node = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { return }
        if let field = nulField(node.plain) {
            throw Problem.invalid(field, APIText.controlCharacters, code: "control_characters")
        }
    }

    static func unknown(_ field: String, _ allowed: [String]) -> Problem {
        Problem.invalid(field, APIText.notOneOf(allowed), code: "unknown_code")
    }
}
