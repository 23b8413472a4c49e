public import Foundation

/// A Swift type that can be decoded from PostgreSQL's text output of a column.
public protocol PostgresDecodable {
    /// Decodes the text of a non-NULL value of `type`. Throw ``PostgresDecodingFailure`` with a
    /// reason that does not quote the value.
    static func decode(postgresText text: String, type: PostgresDataType) throws -> Self
    /// The value NULL decodes to, or nil if NULL is an error for this type (the default).
    static func postgresNull() -> Self?
}

extension PostgresDecodable {
    public static func postgresNull() -> Self? { nil }
}

/// Why a value could not be decoded. ``Row`` turns it into a ``PostgresError`` naming the
/// column; `reason` must describe the problem without repeating the value.
public struct PostgresDecodingFailure: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Any column decodes as its text output.
extension String: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> String { text }
}

extension FixedWidthInteger where Self: PostgresDecodable {
    fileprivate static func decodeInteger(_ text: String, _ type: PostgresDataType) throws -> Self {
        guard type.isInteger || type == .numeric || type.isTextual else {
            throw PostgresDecodingFailure("not an integer type")
        }
        guard let value = Self(text) else { throw PostgresDecodingFailure("not an integer in range") }
        return value
    }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Int {
        try decodeInteger(text, type)
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Int64 {
        try decodeInteger(text, type)
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Int32 {
        try decodeInteger(text, type)
    }
}

extension Int16: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Int16 {
        try decodeInteger(text, type)
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Bool {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: throw PostgresDecodingFailure("not a boolean")
        }
    }
}

extension Double: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Double {
        guard type == .float8 || type == .float4 || type == .numeric || type.isInteger || type.isTextual else {
            throw PostgresDecodingFailure("not a numeric type")
        }
        guard let value = Double(text) else { throw PostgresDecodingFailure("not a number") }
        return value
    }
}

extension Decimal: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Decimal {
        guard type == .numeric || type.isInteger || type.isTextual else {
            throw PostgresDecodingFailure("not an exact numeric type")
        }
        if text == "NaN" { return .nan }
        // Decimal(string:) accepts a numeric prefix of garbage; insist on the whole shape.
        let allowed = text.utf8.allSatisfy { (48...57).contains($0) || $0 == 45 || $0 == 46 || $0 == 43 }
        guard allowed, !text.isEmpty, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PostgresDecodingFailure("not a finite decimal")
        }
        return value
    }
}

extension Date: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Date {
        guard type == .timestamptz || type == .timestamp || type == .date || type.isTextual else {
            throw PostgresDecodingFailure("not a timestamp type")
        }
        guard let date = TimestampFormat.parseTimestamp(text) else {
            throw PostgresDecodingFailure("unrecognised or infinite timestamp")
        }
        return date
    }
}

extension PostgresDate: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> PostgresDate {
        guard type == .date || type.isTextual else { throw PostgresDecodingFailure("not a date") }
        guard let date = TimestampFormat.parseDate(text) else {
            throw PostgresDecodingFailure("unrecognised or infinite date")
        }
        return date
    }
}

extension UUID: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> UUID {
        guard let uuid = UUID(uuidString: text) else { throw PostgresDecodingFailure("not a UUID") }
        return uuid
    }
}

extension Data: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Data {
        guard let bytes = ByteaHex.decode(text) else { throw PostgresDecodingFailure("not hex bytea") }
        return Data(bytes)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> Wrapped? {
        try Wrapped.decode(postgresText: text, type: type)
    }
    public static func postgresNull() -> Wrapped?? { .some(nil) }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> [Element] {
        try Element.decodePostgresArray(text, type: type)
    }
}
