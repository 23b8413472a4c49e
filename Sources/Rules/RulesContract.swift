import VaktloggCore

/// `vaktlogg rules evaluate`: one JSON request per line in, one JSON result per line out, as
/// specified in `rules-contract.md`. Pure — the caller does the reading and writing.
///
/// A line that cannot be answered becomes `{"error":{"field":…,"reason":…,"code":…,"line":n}}`
/// and the following lines are still answered. Unknown fields are errors, so a typo cannot
/// silently change a judgement. Besides the contract's checks, `deadlines` is offered (see
/// `RulesContract+Deadlines.swift`).
public enum RulesContract {
    /// The checks understood, in contract order.
    public static let checks = ["risk", "organised_crime", "serious_crime", "triage", "measure", "decision", "police", "deadlines"]

    /// The answer to one request line.
    public struct Answer: Sendable, Hashable {
        /// The compact JSON result (no trailing newline).
        public var json: String
        /// Whether the line was answered (`false` for an error line).
        public var ok: Bool
    }

    /// Whether a line carries no request (blank lines are skipped, not answered).
    public static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Answers one request line; `lineNumber` is echoed in error results.
    public static func answer(_ line: String, engine: RulesEngine, lineNumber: Int? = nil) -> Answer {
        let root: JSONNode
        do {
            root = try JSONParser.parse(line)
        } catch {
            return failure(ValidationError(code: .malformed, field: "",
                                           message: "not valid JSON: \(error.message) at column \(error.column)"), lineNumber)
        }
        let r = FieldReader()
        let result: JSONValue?
        do {
            result = try evaluate(root, r: r, engine: engine)
        } catch {
            return failure(error, lineNumber)
        }
        guard let result, r.errors.isEmpty else {
            return failure(r.errors.first ?? ValidationError(code: .malformed, field: "", message: "invalid request"), lineNumber)
        }
        return Answer(json: result.canonicalJSON, ok: true)
    }

    /// Answers every line in order, skipping blank ones; returns whether all were answered.
    public static func evaluate(lines: some Sequence<String>, engine: RulesEngine, write: (String) -> Void) -> Bool {
        var allOK = true
        for (i, line) in lines.enumerated() where !isBlank(line) {
            let a = answer(line, engine: engine, lineNumber: i + 1)
            allOK = allOK && a.ok
            write(a.json)
        }
        return allOK
    }

    static func failure(_ e: ValidationError, _ lineNumber: Int?) -> Answer {
        var error: [String: JSONValue] = [
            "field": .string(e.field), "reason": .string(e.message.en), "code": .string(e.code.rawValue),
        ]
        if let lineNumber { error["line"] = .int(lineNumber) }
        return Answer(json: JSONValue.object(["error": .object(error)]).canonicalJSON, ok: false)
    }

    static func evaluate(_ root: JSONNode, r: FieldReader, engine: RulesEngine) throws(ValidationError) -> JSONValue? {
        guard case .object(let members) = root.value else {
            throw ValidationError(code: .invalidType, field: "", message: Msg.expected("object", root.typeName))
        }
        guard let checkNode = members.first(where: { $0.key == "check" })?.node else {
            throw ValidationError(code: .required, field: "check", message: Msg.required)
        }
        guard case .string(let check) = checkNode.value else {
            throw ValidationError(code: .invalidType, field: "check", message: Msg.expected("string", checkNode.typeName))
        }
        let body: [String: JSONValue]?
        switch check {
        case "risk": body = try risk(root, r, engine)
        case "organised_crime": body = try organised(root, r, engine)
        case "serious_crime": body = try serious(root, r, engine)
        case "triage": body = try triage(root, r, engine)
        case "measure": body = measure(root, r, engine)
        case "decision": body = decision(root, r, engine)
        case "police": body = try police(root, r, engine)
        case "deadlines": body = deadlines(root, r, engine)
        default:
            throw ValidationError(code: .unknownCode, field: "check", message: Msg.unknownCode(check, checks))
        }
        guard var body else { return nil }
        body["check"] = .string(check)
        body["rules_version"] = .string(engine.ruleSet.version)
        body["rules_hash"] = .string(engine.ruleSetHash)
        return .object(body)
    }

    static func trace(_ steps: [TraceStep]) -> JSONValue { .array(steps.map(\.json)) }

    static func evaluation(_ e: Evaluation) -> [String: JSONValue] {
        ["outcome": .string(e.outcome.rawValue), "violations": .array(e.violations.map(\.json)), "trace": trace(e.trace)]
    }
}
