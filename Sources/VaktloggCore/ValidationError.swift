/// Input that cannot be accepted: which field, why, in words a duty officer understands.
///
/// Used across the product (rule files, `rules evaluate` lines, entry forms, the HTTP API). The
/// `code` is stable and machine-readable so new cases do not break callers; `field` is a
/// JSON-pointer-like path (`measure.burdens[1]`, empty for the whole input); `line` is set when
/// the input is a text file; `message` carries both product languages.
public struct ValidationError: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    /// A stable, language-neutral reason code.
    public struct Code: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The code as written in JSON output, e.g. `unknown_field`.
        public let rawValue: String
        /// Wraps a raw code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Wraps a literal code.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The raw code.
        public var description: String { rawValue }

        /// The input is not well-formed (e.g. not JSON).
        public static let malformed: Code = "malformed"
        /// A required field is absent or null.
        public static let required: Code = "required"
        /// A field nobody asked for — refused so a typo cannot silently change a judgement.
        public static let unknownField: Code = "unknown_field"
        /// A code that is not one of the known values.
        public static let unknownCode: Code = "unknown_code"
        /// A value of the wrong JSON type.
        public static let invalidType: Code = "invalid_type"
        /// A number outside its allowed range.
        public static let outOfRange: Code = "out_of_range"
        /// A value given twice where each may occur once.
        public static let duplicate: Code = "duplicate"
        /// A text that is empty or only whitespace.
        public static let blank: Code = "blank"
        /// A text that does not have the required format (timestamp, date …).
        public static let invalidFormat: Code = "invalid_format"
        /// A field that is not allowed in this context.
        public static let notAllowed: Code = "not_allowed"
        /// Values that contradict each other or a rule of the strategy.
        public static let inconsistent: Code = "inconsistent"
        /// An attempt to configure what the strategy fixes (interest tiers, strict rules).
        public static let fixedByStrategy: Code = "fixed_by_strategy"
        /// Something required is missing from a list or table.
        public static let missing: Code = "missing"
    }

    /// Why the input was refused.
    public var code: Code
    /// The offending field as a JSON-pointer-like path; empty for the input as a whole.
    public var field: String
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// The 1-based line in the input text, when known.
    public var line: Int?

    /// An error with a bilingual message.
    public init(code: Code, field: String, message: LocalizedText, line: Int? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.line = line
    }

    /// An error whose message is the same in both languages (e.g. technical detail).
    public init(code: Code, field: String, message: String, line: Int? = nil) {
        self.init(code: code, field: field, message: LocalizedText(nb: message, en: message), line: line)
    }

    /// `line N: field: message` in `language`.
    public func formatted(_ language: Language) -> String {
        var parts: [String] = []
        if let line { parts.append(language == .nb ? "linje \(line)" : "line \(line)") }
        if !field.isEmpty { parts.append(field) }
        parts.append(message(language))
        return parts.joined(separator: ": ")
    }

    /// The English rendering, for logs and debugging.
    public var description: String { formatted(.en) }
}
