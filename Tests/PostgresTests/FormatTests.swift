import Foundation
@testable import Postgres
import Testing

/// Pure formatting and parsing, without a server.
@Suite struct FormatTests {
    @Test func interpolationBecomesNumberedBinds() {
        let id = 7
        let name: String? = nil
        let query: SQLQuery = "SELECT * FROM t WHERE id = \(id) AND name = \(name) AND at > \(Date(timeIntervalSince1970: 0), as: .timestamptz)"
        #expect(query.sql == "SELECT * FROM t WHERE id = $1 AND name = $2 AND at > $3::timestamptz")
        #expect(query.binds.map(\.text) == ["7", nil, "1970-01-01T00:00:00.000000Z"])
        #expect(query.binds.map(\.dataType) == [.int8, .unknown, .unknown])
        #expect(!query.description.contains("1970"))
    }

    @Test func fragmentsAreRenumbered() {
        var query: SQLQuery = "SELECT * FROM t WHERE a = \(1)"
        let clause: SQLQuery = " AND b = \("x") AND c = '$1' AND d = \(2)"
        query.append(clause)
        #expect(query.sql == "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = '$1' AND d = $3")
        #expect(query.binds.map(\.text) == ["1", "x", "2"])
        let nested: SQLQuery = "SELECT \(3), (\(clause))"
        #expect(nested.sql == "SELECT $1, ( AND b = $2 AND c = '$1' AND d = $3)")
    }

    @Test func arrayLiteralFormatAndParse() throws {
        let elements: [String?] = ["a", nil, "NULL", "", "q\"x", "b\\s", "{,}", " s "]
        #expect(ArrayLiteral.format(elements) == #"{"a",NULL,"NULL","","q\"x","b\\s","{,}"," s "}"#)
        #expect(try ArrayLiteral.parse(ArrayLiteral.format(elements)) == elements)
        #expect(try ArrayLiteral.parse(#"{a, b ,null,"NULL",\NULL}"#) == ["a", "b", nil, "NULL", "NULL"])
        #expect(try ArrayLiteral.parse("[2:3]={x,y}") == ["x", "y"])
        #expect(try ArrayLiteral.parse("{}") == [])
        #expect(throws: (any Error).self) { try ArrayLiteral.parse("{{1,2},{3,4}}") }
        #expect(throws: (any Error).self) { try ArrayLiteral.parse(#"{"open}"#) }
    }

    @Test func copyTextEscapingCountsBytes() {
        var buffer: [UInt8] = []
        #expect(CopyTextFormat.appendRow(["bjørn", nil, "a\tb\nc\\d\re"], to: &buffer))
        #expect(String(decoding: buffer, as: UTF8.self) == "bjørn\t\\N\ta\\tb\\nc\\\\d\\re\n")
        #expect(buffer.count == 6 + 1 + 2 + 1 + 13 + 1)  // "bjørn" is 6 bytes
        #expect(!CopyTextFormat.appendRow(["nul\u{0}"], to: &buffer))
    }

    @Test func timestampFormatting() throws {
        #expect(TimestampFormat.format(Date(timeIntervalSince1970: 1_795_438_800.123456)) == "2026-11-23T13:00:00.123456Z")
        #expect(TimestampFormat.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
        #expect(TimestampFormat.format(Date(timeIntervalSince1970: -62_167_219_200)) == "0001-01-01T00:00:00.000000Z BC")
        #expect(TimestampFormat.parseTimestamp("infinity") == nil)
        #expect(TimestampFormat.parseTimestamp("2026-11-23 13:00:00+00 trailing") == nil)
        #expect(TimestampFormat.parseTimestamp("2026-13-01 00:00:00+00") == nil)
        let bc = try #require(TimestampFormat.parseTimestamp("0001-01-01 00:00:00+00 BC"))
        #expect(bc.timeIntervalSince1970 == -62_167_219_200)
        #expect(TimestampFormat.parseDate("2026-11-23") == PostgresDate(year: 2026, month: 11, day: 23))
        #expect(PostgresDate(utcDayOf: Date(timeIntervalSince1970: -1)) == PostgresDate(year: 1969, month: 12, day: 31))
    }

    @Test func errorDescriptionOmitsDetail() {
        let error = PostgresError(
            kind: .query, sqlState: "23505", message: "duplicate key value violates unique constraint \"u\"",
            detail: "Key (email)=(kari@example.no) already exists.", table: "person", constraint: "u")
        #expect(error.description == #"PostgresError(kind: query, sqlState: 23505, constraint: u, table: person): duplicate key value violates unique constraint "u""#)
        #expect(error.isUniqueViolation)
    }
}
