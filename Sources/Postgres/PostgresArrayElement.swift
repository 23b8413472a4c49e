public import Foundation

/// A type whose Swift arrays map to a PostgreSQL one-dimensional array (`[String]` ↔ `text[]`).
///
/// Types that are both ``PostgresEncodable`` and ``PostgresDecodable`` get the array literal
/// handling for free; they only name their array type. `UInt8` overrides both functions so that
/// `[UInt8]` is `bytea`, not an array of numbers.
public protocol PostgresArrayElement {
    /// The array type, such as ``PostgresDataType/textArray``.
    static var postgresArrayDataType: PostgresDataType { get }
    static func encodePostgresArray(_ elements: [Self]) throws -> String
    static func decodePostgresArray(_ text: String, type: PostgresDataType) throws -> [Self]
}

extension PostgresArrayElement where Self: PostgresEncodable & PostgresDecodable {
    public static func encodePostgresArray(_ elements: [Self]) throws -> String {
        ArrayLiteral.format(try elements.map { try $0.encodePostgresText() })
    }

    public static func decodePostgresArray(_ text: String, type: PostgresDataType) throws -> [Self] {
        let items: [String?]
        do {
            items = try ArrayLiteral.parse(text)
        } catch {
            throw PostgresDecodingFailure("malformed or multidimensional array")
        }
        return try items.map { item in
            guard let item else {
                guard let null = postgresNull() else { throw PostgresDecodingFailure("NULL array element") }
                return null
            }
            // Element text is what the element type's output function wrote: decode it untyped.
            return try decode(postgresText: item, type: .unknown)
        }
    }
}

extension String: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .textArray } }
extension Int: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .int8Array } }
extension Int64: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .int8Array } }
extension Int32: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .int4Array } }
extension Int16: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .int2Array } }
extension Bool: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .boolArray } }
extension Double: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .float8Array } }
extension Decimal: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .numericArray } }
extension UUID: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .uuidArray } }
extension Date: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .timestamptzArray } }
extension PostgresDate: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .dateArray } }
extension Data: PostgresArrayElement { public static var postgresArrayDataType: PostgresDataType { .byteaArray } }

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement & PostgresEncodable & PostgresDecodable {
    public static var postgresArrayDataType: PostgresDataType { Wrapped.postgresArrayDataType }
}

/// `[UInt8]` is `bytea` (hex form), matching `Data`.
extension UInt8: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .bytea }

    public static func encodePostgresArray(_ elements: [UInt8]) throws -> String { ByteaHex.encode(elements) }

    public static func decodePostgresArray(_ text: String, type: PostgresDataType) throws -> [UInt8] {
        guard let bytes = ByteaHex.decode(text) else { throw PostgresDecodingFailure("not hex bytea") }
        return bytes
    }
}
