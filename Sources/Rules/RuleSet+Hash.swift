public import VaktloggCore
internal import Foundation

extension RuleSet {
    /// The canonical JSON encoding: compact, keys sorted by UTF-8 bytes, interests in tier order.
    /// This is what `hash` covers and what `rules show --json` prints under `rule_set`.
    public var canonicalJSON: String { json.canonicalJSON }

    /// The rule set as a JSON value.
    public var json: JSONValue {
        // Encoding through Codable keeps one source of truth for field names; re-parsing through
        // our own writer makes the bytes independent of Foundation's formatting choices.
        guard let data = try? JSONEncoder().encode(self),
            let node = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
        else { return .null }
        return node.plain
    }

    /// SHA-256 (hex) of `canonicalJSON`: the identity of exactly this content.
    public var hash: String { SHA256Digest.hex(canonicalJSON) }
}
