public import Foundation
internal import Rules
internal import VaktloggCore

/// A unit's chain head at a moment, as exported by `vaktlogg verify --export-head` to be kept
/// outside the database (domain.md §9): a superuser can rewrite the chain and its head inside the
/// database, but not a copy of the head that left it.
///
/// The file form is one JSON object per line (JSON lines), keys in this order:
/// `{"unit":"OSLO","rows":12,"head":"<64 hex digits>","verified_at":"2026-11-23T13:00:00Z"}`.
public struct ChainHead: Sendable, Hashable {
    /// The unit's code.
    public let unit: String
    /// How many rows the chain had; the head is the hash of row `rows` (the genesis hash for 0).
    public let rows: Int64
    /// The head hash, lower-case hex.
    public let head: String
    /// When the chain was verified (the database's transaction time), whole seconds.
    public let verifiedAt: Date

    /// A head as exported by `verify --export-heads`.
    public init(unit: String, rows: Int64, head: String, verifiedAt: Date) {
        self.unit = unit
        self.rows = rows
        self.head = head.lowercased()
        self.verifiedAt = verifiedAt
    }

    /// The JSON line of this head (without the newline).
    public var jsonLine: String {
        "{\"unit\":\(JSONValue.string(unit)),\"rows\":\(rows),\"head\":\(JSONValue.string(head)),"
            + "\"verified_at\":\(JSONValue.string(Timestamp.format(verifiedAt)))}"
    }

    /// A file of heads: JSON lines, one per unit.
    public static func file(_ heads: [ChainHead]) -> String {
        heads.map { $0.jsonLine + "\n" }.joined()
    }

    /// Reads heads written by ``file(_:)``. Also accepts one JSON array of such objects, so a file
    /// someone tidied by hand into a document still reads. Blank lines are skipped.
    ///
    /// - Throws: ``ChainHeadFileError`` naming the line that is not a valid head.
    public static func parse(_ text: String) throws -> [ChainHead] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            guard let records = try? decoder.decode([Record].self, from: Data(trimmed.utf8)) else {
                throw ChainHeadFileError(line: 1)
            }
            return try records.map { try $0.head(line: 1) }
        }
        var heads: [ChainHead] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            guard let record = try? decoder.decode(Record.self, from: Data(content.utf8)) else {
                throw ChainHeadFileError(line: index + 1)
            }
            heads.append(try record.head(line: index + 1))
        }
        return heads
    }

    private static var decoder: JSONDecoder { JSONDecoder() }

    /// The wire form, checked before it becomes a ``ChainHead``.
    private struct Record: Decodable {
        let unit: String
        let rows: Int64
        let head: String
        let verified_at: String

        func head(line: Int) throws -> ChainHead {
            let hex = head.lowercased()
            guard rows >= 0, hex.utf8.count == 64, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
                  let at = Timestamp(rfc3339: verified_at)
            else { throw ChainHeadFileError(line: line) }
            return ChainHead(unit: unit, rows: rows, head: hex, verifiedAt: at.date)
        }
    }
}

/// A file given as exported heads (`--against`) is not what `--export-head` writes.
public struct ChainHeadFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line that could not be read as a head.
    public let line: Int

    /// The error for `line`.
    public init(line: Int) { self.line = line }

    public var description: String { "line \(line) is not an exported chain head" }
}
