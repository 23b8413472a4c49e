public import Foundation

extension EntryDraft {
    /// Reads a draft from JSON, refusing unknown and repeated keys (a typo or a second value must
    /// not silently drop or replace a field) and naming the field of any value that does not fit.
    ///
    /// The text is read by the strict ``JSONParser`` — the same reader as the rules contract and
    /// rule files —; only a document it accepted is then mapped onto the draft's fields.
    public static func decode(json data: Data) throws(ValidationError) -> EntryDraft {
        let node: JSONNode
        do {
            node = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError(code: .malformed, field: "", message: LocalizedText(
                nb: "ugyldig JSON", en: "malformed JSON"), line: error.line)
        }
        guard case .object(let members) = node.value else {
            throw ValidationError(code: .invalidType, field: "", message: LocalizedText(
                nb: "forventet et JSON-objekt", en: "expected a JSON object"))
        }
        try refuseRepeated(members.map(\.key), path: "")
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = members.map(\.key).sorted().first(where: { !known.contains($0) }) {
            throw ValidationError(code: .unknownField, field: unknown, message: LocalizedText(
                nb: "ukjent felt; tillatt: \(known.sorted().joined(separator: ", "))",
                en: "unknown field; allowed: \(known.sorted().joined(separator: ", "))"))
        }
        if let persons = members.first(where: { $0.key == "persons" })?.node, case .array(let list) = persons.value {
            for (i, p) in list.enumerated() {
                guard case .object(let fields) = p.value else { continue }
                try refuseRepeated(fields.map(\.key), path: "persons[\(i)]")
                if let unknown = fields.map(\.key).sorted().first(where: { $0 != "role" && $0 != "ref" }) {
                    throw ValidationError(code: .unknownField, field: "persons[\(i)].\(unknown)", message: LocalizedText(
                        nb: "ukjent felt; tillatt: ref, role", en: "unknown field; allowed: ref, role"))
                }
            }
        }
        let data = Data(node.plain.canonicalJSON.utf8)
        do {
            return try JSONDecoder().decode(EntryDraft.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ValidationError(code: .required, field: path(context.codingPath + [key]), message: LocalizedText(
                nb: "mangler", en: "is required"))
        } catch let DecodingError.dataCorrupted(context) {
            throw ValidationError(code: .invalidFormat, field: path(context.codingPath), message: LocalizedText(
                nb: "ugyldig verdi (\(context.debugDescription))", en: "invalid value (\(context.debugDescription))"))
        } catch let DecodingError.typeMismatch(_, context) {
            throw ValidationError(code: .invalidType, field: path(context.codingPath), message: LocalizedText(
                nb: "feil type", en: "wrong type"))
        } catch let DecodingError.valueNotFound(_, context) {
            throw ValidationError(code: .required, field: path(context.codingPath), message: LocalizedText(
                nb: "mangler", en: "is required"))
        } catch {
            throw ValidationError(code: .malformed, field: "", message: LocalizedText(nb: "ugyldig JSON", en: "malformed JSON"))
        }
    }

    private static func refuseRepeated(_ keys: [String], path: String) throws(ValidationError) {
        var seen = Set<String>()
        if let repeated = keys.first(where: { !seen.insert($0).inserted }) {
            throw ValidationError(code: .duplicate, field: path.isEmpty ? repeated : "\(path).\(repeated)", message: LocalizedText(
                nb: "feltet er oppgitt mer enn én gang", en: "the field is given more than once"))
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}
