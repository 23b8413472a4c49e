/// The code of a unit (`OSLO`, `BERGEN2`): 2–12 characters A–Z and 0–9, starting with a letter,
/// as `units.code` in sql/001.
///
/// Input is case-insensitive and trimmed: `oslo`, ` Oslo ` and `OSLO` are one unit, and a duty
/// officer under stress is not refused for the shift key. The normal form (upper case) is what is
/// stored, compared and shown everywhere.
public struct UnitCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code in normal form (upper case).
    public let rawValue: String

    /// The code, when `rawValue` is already in normal form; nil otherwise.
    public init?(rawValue: String) {
        guard Self.isNormalForm(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The code for user input (any case, surrounding white space ignored), or nil when it cannot
    /// be a unit code.
    public init?(input: String) {
        self.init(rawValue: Self.normalise(input))
    }

    /// The code for user input, or a validation error naming `field` and what is allowed.
    public init(_ raw: String, field: String) throws(ValidationError) {
        guard let code = UnitCode(input: raw) else {
            throw ValidationError(code: "invalid_unit_code", field: field, message: Self.invalid(raw))
        }
        self = code
    }

    /// What a malformed unit code is told (Core is below the catalogue, which renders it from here).
    public static func invalid(_ raw: String) -> LocalizedText {
        let echo = raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
        return LocalizedText(
            nb: "ugyldig enhetskode «\(echo)»; tillatt: 2–12 tegn, A–Z og 0–9, som begynner med en bokstav (f.eks. OSLO, BERGEN2)",
            en: "invalid unit code \"\(echo)\"; allowed: 2–12 characters A–Z and 0–9, starting with a letter (e.g. OSLO, BERGEN2)")
    }

    /// The code in normal form.
    public var description: String { rawValue }

    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `raw` trimmed and upper-cased (ASCII letters only, as the pattern is ASCII).
    public static func normalise(_ raw: String) -> String {
        var s = Substring(raw)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            ("a"..."z").contains(c) ? Unicode.Scalar(c.value - 32)! : c
        }))
    }

    /// `^[A-Z][A-Z0-9]{1,11}$`.
    public static func isNormalForm(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard (2...12).contains(scalars.count), ("A"..."Z").contains(scalars[0]) else { return false }
        return scalars.dropFirst().allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
