public import Foundation

/// A Swift value that can be sent as a bind parameter, in PostgreSQL's text format.
///
/// Conform your own types by producing the text PostgreSQL's input function accepts; choose
/// ``PostgresDataType/unknown`` to let the server infer the type from context or a cast.
public protocol PostgresEncodable {
    /// The type the parameter is declared as. `.unknown` behaves like a quoted literal.
    static var postgresDataType: PostgresDataType { get }
    /// The value's text form, or nil for SQL NULL.
    func encodePostgresText() throws -> String?
}

// Text-like values are sent as `unknown`, like a quoted literal, so they coerce to the column's
// type (`uuid_col = $1`, `$1::timestamptz`, enum columns) instead of failing with `uuid = text`.
extension String: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .unknown }
    public func encodePostgresText() throws -> String? { self }
}

extension Substring: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .unknown }
    public func encodePostgresText() throws -> String? { String(self) }
}

extension Int: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func encodePostgresText() throws -> String? { String(self) }
}

extension Int64: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func encodePostgresText() throws -> String? { String(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int4 }
    public func encodePostgresText() throws -> String? { String(self) }
}

extension Int16: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int2 }
    public func encodePostgresText() throws -> String? { String(self) }
}

extension Bool: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .bool }
    public func encodePostgresText() throws -> String? { self ? "true" : "false" }
}

extension Double: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .float8 }
    public func encodePostgresText() throws -> String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description  // shortest representation that round-trips
    }
}

extension Decimal: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .numeric }
    public func encodePostgresText() throws -> String? { isNaN ? "NaN" : description }
}

/// Sent as RFC 3339 UTC with microseconds (`2026-11-23T13:00:00.123456Z`), typed `unknown` so
/// that it fits `timestamptz` columns and `$1::timestamptz` casts. `Date` is a `Double` of
/// seconds since 2001, so microseconds survive only within about ±285 years of 2001; further
/// out the value is rounded to the nearest representable microsecond.
extension Date: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .unknown }
    public func encodePostgresText() throws -> String? { TimestampFormat.format(self) }
}

extension PostgresDate: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .date }
    public func encodePostgresText() throws -> String? { description }
}

extension UUID: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .uuid }
    public func encodePostgresText() throws -> String? { uuidString }
}

/// `bytea`, sent in hex form (`\x0aff`).
extension Data: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .bytea }
    public func encodePostgresText() throws -> String? { ByteaHex.encode(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    public func encodePostgresText() throws -> String? {
        guard let self else { return nil }
        return try self.encodePostgresText()
    }
}

/// Arrays become one-dimensional PostgreSQL arrays (`[String]` → `text[]`), except `[UInt8]`,
/// which is `bytea`.
extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { Element.postgresArrayDataType }
    public func encodePostgresText() throws -> String? { try Element.encodePostgresArray(self) }
}

enum ByteaHex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(2 + bytes.count * 2)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes bytea's hex output. The legacy escape format is not accepted: connections set
    /// `bytea_output=hex`.
    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            return nil
        }
        var out = [UInt8]()
        out.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}
