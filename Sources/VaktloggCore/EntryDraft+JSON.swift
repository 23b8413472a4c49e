public import Foundation

extension EntryDraft {
    /// Reads a draft from JSON, refusing unknown keys (a typo must not silently drop a field) and
    /// naming the field of any value that does not fit.
    public static func decode(json data: Data) throws(ValidationError) -> EntryDraft {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ValidationError(code: .malformed, field: "", message: LocalizedText(
                nb: "ugyldig JSON", en: "malformed JSON"))
        }
        guard let dict = object as? [String: Any] else {
            throw ValidationError(code: .invalidType, field: "", message: LocalizedText(
                nb: "forventet et JSON-objekt", en: "expected a JSON object"))
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = dict.keys.sorted().first(where: { !known.contains($0) }) {
            throw ValidationError(code: .unknownField, field: unknown, message: LocalizedText(
                nb: "ukjent felt; tillatt: \(known.sorted().joined(separator: ", "))",
                en: "unknown field; allowed: \(known.sorted().joined(separator: ", "))"))
        }
        if let persons = dict["persons"] as? [Any] {
            for (i, p) in persons.enumerated() {
                guard let pd = p as? [String: Any] else { continue }
                if let unknown = pd.keys.sorted().first(where: { $0 != "role" && $0 != "ref" }) {
                    throw ValidationError(code: .unknownField, field: "persons[\(i)].\(unknown)", message: LocalizedText(
                        nb: "ukjent felt; tillatt: ref, role", en: "unknown field; allowed: ref, role"))
                }
            }
        }
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

    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}
