import VaktloggCore

/// Reads parsed JSON into typed values, recording every refusal with its field path and line.
///
/// Each accessor returns `nil` after recording a `ValidationError`, so a caller can read a whole
/// document and report all problems (rule files) or just the first (one `evaluate` line).
final class FieldReader {
    private(set) var errors: [ValidationError] = []

    /// Records a refusal.
    func fail(_ code: ValidationError.Code, _ path: String, _ message: LocalizedText, line: Int?) {
        errors.append(ValidationError(code: code, field: path, message: message, line: line))
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func index(_ path: String, _ i: Int) -> String { "\(path)[\(i)]" }

    /// The members of an object, refusing duplicate and unknown keys. `fixed` names keys that a
    /// caller might expect but that the strategy fixes, with a dedicated reason.
    func object(
        _ node: JSONNode, _ path: String, allowed: Set<String>, fixed: Set<String> = []
    ) -> [String: JSONNode]? {
        guard case .object(let members) = node.value else {
            fail(.invalidType, path, Msg.expected("object", node.typeName), line: node.line)
            return nil
        }
        var result: [String: JSONNode] = [:]
        for (key, child) in members {
            let childPath = Self.join(path, key)
            if result[key] != nil {
                fail(.duplicate, childPath, Msg.duplicateField, line: child.line)
            } else if fixed.contains(key) {
                fail(.fixedByStrategy, childPath, Msg.fixedByStrategy, line: child.line)
            } else if !allowed.contains(key) {
                fail(.unknownField, childPath, Msg.unknownField, line: child.line)
            } else {
                result[key] = child
            }
        }
        return result
    }

    /// A required member; a missing member is refused with `line` of the enclosing object.
    func required(_ members: [String: JSONNode], _ key: String, _ path: String, line: Int) -> JSONNode? {
        guard let node = members[key], !isNull(node) else {
            fail(.required, Self.join(path, key), Msg.required, line: line)
            return nil
        }
        return node
    }

    /// An optional member: absent and `null` are the same.
    func optional(_ members: [String: JSONNode], _ key: String) -> JSONNode? {
        guard let node = members[key], !isNull(node) else { return nil }
        return node
    }

    func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    func int(_ node: JSONNode, _ path: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .number(_, let int?) = node.value else {
            fail(.invalidType, path, Msg.expected("integer", node.typeName), line: node.line)
            return nil
        }
        if let range, !range.contains(int) {
            fail(.outOfRange, path, Msg.range(range), line: node.line)
            return nil
        }
        return int
    }

    func number(_ node: JSONNode, _ path: String, minimum: Double) -> Double? {
        guard case .number(let value, _) = node.value else {
            fail(.invalidType, path, Msg.expected("number", node.typeName), line: node.line)
            return nil
        }
        guard value >= minimum else {
            fail(.outOfRange, path, Msg.atLeast(minimum), line: node.line)
            return nil
        }
        return value
    }

    func bool(_ node: JSONNode, _ path: String) -> Bool? {
        guard case .bool(let b) = node.value else {
            fail(.invalidType, path, Msg.expected("boolean", node.typeName), line: node.line)
            return nil
        }
        return b
    }

    func string(_ node: JSONNode, _ path: String) -> String? {
        guard case .string(let s) = node.value else {
            fail(.invalidType, path, Msg.expected("string", node.typeName), line: node.line)
            return nil
        }
        return s
    }

    /// An optional string member: `nil` when absent, `null` or refused (refusals are recorded, so
    /// callers tell the cases apart through `errors`).
    func optionalString(_ members: [String: JSONNode], _ key: String, _ path: String) -> String? {
        guard let node = optional(members, key) else { return nil }
        return string(node, Self.join(path, key))
    }

    func code<T: RawRepresentable<String> & CaseIterable>(_ node: JSONNode, _ path: String, as _: T.Type) -> T? {
        guard let raw = string(node, path) else { return nil }
        guard let value = T(rawValue: raw) else {
            fail(.unknownCode, path, Msg.unknownCode(raw, T.allCases.map(\.rawValue)), line: node.line)
            return nil
        }
        return value
    }

    func array(_ node: JSONNode, _ path: String) -> [JSONNode]? {
        guard case .array(let items) = node.value else {
            fail(.invalidType, path, Msg.expected("array", node.typeName), line: node.line)
            return nil
        }
        return items
    }

    /// Every element read with `element`; `nil` if any element was refused.
    func list<T>(_ node: JSONNode, _ path: String, _ element: (JSONNode, String) -> T?) -> [T]? {
        guard let items = array(node, path) else { return nil }
        var out: [T] = []
        out.reserveCapacity(items.count)
        var ok = true
        for (i, item) in items.enumerated() {
            if let value = element(item, Self.index(path, i)) { out.append(value) } else { ok = false }
        }
        return ok ? out : nil
    }

    func timestamp(_ node: JSONNode, _ path: String) -> Timestamp? {
        guard let text = string(node, path) else { return nil }
        guard let ts = Timestamp(rfc3339: text) else {
            fail(.invalidFormat, path, Msg.timestampFormat, line: node.line)
            return nil
        }
        return ts
    }

    func date(_ node: JSONNode, _ path: String) -> CalendarDate? {
        guard let text = string(node, path) else { return nil }
        guard let date = CalendarDate(text) else {
            fail(.invalidFormat, path, Msg.dateFormat, line: node.line)
            return nil
        }
        return date
    }
}
