public import Foundation
import VaktloggCore

/// The JSON conventions of stored documents and `--json` output: keys sorted, times as RFC 3339
/// in UTC with whole seconds (`2026-01-02T07:00:00Z`), so an analyst's SQL and a script's parser
/// read the same text.
public enum StoreJSON {
    /// An encoder following the conventions (pretty-printed for people when asked).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.format(date))
        }
        return encoder
    }

    /// A decoder reading what ``encoder(pretty:)`` wrote (and any RFC 3339 time PostgreSQL writes
    /// for `to_jsonb(timestamptz)`).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let stamp = Timestamp(rfc3339: text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 time")
            }
            return stamp.date
        }
        return decoder
    }

    /// `value` as JSON text.
    public static func text<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
