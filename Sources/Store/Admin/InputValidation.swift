import Foundation
public import VaktloggCore
import VaktloggText

/// Checks of administrative input before it reaches the database, so that a refusal names the
/// field and says what is allowed (the schema's CHECK constraints would only name a constraint).
///
/// The patterns mirror `sql/001_reference.sql`; the database still enforces them. Unit and region
/// codes are upper-cased and user names lower-cased first: `oslo` and `OSLO` can only mean one
/// thing, and a duty officer under stress should not be refused for the shift key.
public enum InputValidation {
    /// `^[A-Z][A-Z0-9]{1,11}$`, as `units.code`.
    public static func unitCode(_ raw: String, field: String = "unit") throws(StoreError) -> String {
        do throws(ValidationError) {
            return try UnitCode(raw, field: field).rawValue
        } catch {
            throw StoreError(error)
        }
    }

    /// `^[A-Z][A-Z0-9_]{1,15}$`, as `regions.code`.
    public static func regionCode(_ raw: String, field: String = "region") throws(StoreError) -> String {
        let code = raw.trimmed.uppercased()
        guard matches(code, first: isUpper, rest: { isUpper($0) || isDigit($0) || $0 == "_" }, length: 2...16) else {
            throw .invalid(.invalidRegionCode, field: field, ["input": raw])
        }
        return code
    }

    /// `^[a-z][a-z0-9._-]{1,62}$`, as `app_users.name` (it is also the login role's name).
    public static func userName(_ raw: String, field: String = "name") throws(StoreError) -> String {
        let name = raw.trimmed.lowercased()
        let allowed: (Unicode.Scalar) -> Bool = { isLower($0) || isDigit($0) || $0 == "." || $0 == "_" || $0 == "-" }
        guard matches(name, first: isLower, rest: allowed, length: 2...63) else {
            throw .invalid(.invalidUserName, field: field, ["input": raw])
        }
        return name
    }

    /// One of the six roles of domain.md §5.
    public static func role(_ raw: String, field: String = "role") throws(StoreError) -> UserRole {
        guard let role = UserRole(rawValue: raw.trimmed) else {
            throw .invalid(.unknownRole, field: field, ["input": raw, "allowed": UserRole.allCases.map(\.rawValue).joined(separator: ",")])
        }
        return role
    }

    /// One of the four unit types of domain.md §5.
    public static func unitType(_ raw: String, field: String = "type") throws(StoreError) -> UnitType {
        guard let type = UnitType(rawValue: raw.trimmed) else {
            throw .invalid(.unknownUnitType, field: field, ["input": raw, "allowed": UnitType.allCases.map(\.rawValue).joined(separator: ",")])
        }
        return type
    }

    /// 1 (highest) to 3, as `units.security_level`.
    public static func securityLevel(_ level: Int, field: String = "security_level") throws(StoreError) -> Int {
        guard (1...3).contains(level) else {
            throw .invalid(.outOfRange, field: field, ["value": String(level), "min": "1", "max": "3"])
        }
        return level
    }

    /// A display name: not blank, at most `maxLength` characters, no control characters. Returns it
    /// trimmed.
    public static func name(_ raw: String, field: String, maxLength: Int = 200) throws(StoreError) -> String {
        let name = raw.trimmed
        guard !name.isEmpty else {
            throw .invalid(.blank, field: field)
        }
        guard name.count <= maxLength else {
            throw .invalid(.tooLong, field: field, ["max": String(maxLength)])
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid(.controlCharacters, field: field)
        }
        return name
    }

    /// Free text of a log line: not blank, at most 20 000 characters (as the schema's CHECK).
    public static func text(_ raw: String, field: String = "text") throws(StoreError) -> String {
        let text = raw.trimmed
        guard !text.isEmpty else { throw .invalid(.blank, field: field) }
        guard text.count <= 20_000 else {
            throw .invalid(.tooLong, field: field, ["max": "20000"])
        }
        return text
    }

    // MARK: ASCII classes (the schema's patterns are ASCII-only)

    private static func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
    private static func isLower(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    private static func matches(
        _ s: String, first: (Unicode.Scalar) -> Bool, rest: (Unicode.Scalar) -> Bool, length: ClosedRange<Int>
    ) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard length.contains(scalars.count), let head = scalars.first, first(head) else { return false }
        return scalars.dropFirst().allSatisfy(rest)
    }
}

extension String {
    /// Without leading and trailing white space and line breaks.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
