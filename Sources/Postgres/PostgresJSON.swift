internal import Foundation

/// A `Codable` value stored as `jsonb`: `"INSERT INTO t (doc) VALUES (\(PostgresJSON(report)))"`
/// and `row.decode(PostgresJSON<Report>.self, "doc").value`.
///
/// Raw JSON text needs no wrapper: bind a `String` and cast (`\(json)::jsonb`), decode a jsonb
/// column as `String`.
public struct PostgresJSON<Value> {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}

extension PostgresJSON: Sendable where Value: Sendable {}

extension PostgresJSON: PostgresEncodable where Value: Encodable {
    public static var postgresDataType: PostgresDataType { .jsonb }
    public func encodePostgresText() throws -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw PostgresError(kind: .encode, message: "cannot encode \(Value.self) as JSON")
        }
    }
}

extension PostgresJSON: PostgresDecodable where Value: Decodable {
    public static func decode(postgresText text: String, type: PostgresDataType) throws -> PostgresJSON<Value> {
        guard type == .jsonb || type == .json || type.isTextual else { throw PostgresDecodingFailure("not json") }
        do {
            return PostgresJSON(try JSONDecoder().decode(Value.self, from: Data(text.utf8)))
        } catch {
            // DecodingError descriptions can quote the document: say only which type failed.
            throw PostgresDecodingFailure("JSON does not match \(Value.self)")
        }
    }
}

extension Row {
    /// Decodes a `json`/`jsonb` column into a `Decodable` type.
    public func decodeJSON<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try decode(PostgresJSON<T>.self, name).value
    }
}
