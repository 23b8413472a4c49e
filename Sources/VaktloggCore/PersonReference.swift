/// A person as the log names them: a pseudonymous case number (capitals, digits, hyphens, 3–32
/// characters), never a name or a national identity number (design.md §9: no direct identifiers).
///
/// One rule for every place a person is named — entry persons, measures, risk assessments — so
/// the same input is accepted or refused the same way everywhere.
public struct PersonReference: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The case number.
    public let rawValue: String

    /// The reference, or nil when `rawValue` is not a case number.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The reference, or a validation error naming `field`.
    public init(_ raw: String, field: String) throws(ValidationError) {
        guard let reference = PersonReference(rawValue: raw) else {
            throw ValidationError(code: .invalidFormat, field: field, message: Self.rule)
        }
        self = reference
    }

    /// The case-number rule, worded once (Core is below the catalogue, which renders it from here).
    public static let rule = LocalizedText(
        nb: "personer oppgis med saksnummer (store bokstaver, sifre og bindestrek, 3–32 tegn), aldri navn eller fødselsnummer",
        en: "persons are given by case number (capitals, digits and hyphens, 3–32 characters), never a name or national ID")

    /// The case number.
    public var description: String { rawValue }

    /// `^[A-Z0-9][A-Z0-9-]{2,31}$` and not eleven digits (a national identity number).
    public static func isValid(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard (3...32).contains(scalars.count) else { return false }
        func allowed(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        guard allowed(scalars[0]), scalars.dropFirst().allSatisfy({ allowed($0) || $0 == "-" }) else { return false }
        let nationalID = scalars.count == 11 && scalars.allSatisfy { ("0"..."9").contains($0) }
        return !nationalID
    }
}
