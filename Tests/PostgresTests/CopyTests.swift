import Postgres
import Testing

@Suite struct CopyTests {
    static func row(_ i: Int) -> [String?] {
        let name: String
        switch i % 5 {
        case 0: name = "bjørn æøå 🙂 \(i)"
        case 1: name = "tab\there\(i)"
        case 2: name = "line\nbreak\r\n\(i)"
        case 3: name = "back\\slash \\N \\t \(i)"
        default: name = "plain \(i)"
        }
        return [String(i), name, i % 7 == 0 ? nil : "note \(i)"]
    }

    @Test func copiesOneHundredThousandRows() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE bulk (id int PRIMARY KEY, name text NOT NULL, note text)")
        let count = 100_000
        let copied = try conn.copyIn("COPY bulk (id, name, note) FROM STDIN", rows: (0..<count).lazy.map(Self.row))
        #expect(copied == count)
        #expect(try conn.query("SELECT count(*) FROM bulk").first?.decode(Int.self, column: 0) == count)

        let expectedBytes = (0..<count).reduce(0) { $0 + Self.row($1)[1]!.utf8.count }
        let expectedNulls = (0..<count).filter { $0 % 7 == 0 }.count
        let totals = try #require(try conn.query(
            "SELECT sum(octet_length(name))::int8 AS bytes, count(*) FILTER (WHERE note IS NULL) AS nulls FROM bulk").first)
        #expect(try totals.decode(Int.self, "bytes") == expectedBytes)
        #expect(try totals.decode(Int.self, "nulls") == expectedNulls)

        for id in [0, 1, 2, 3, 4, 7, 49_999, 99_999] {
            let row = try #require(try conn.query("SELECT name, note FROM bulk WHERE id = \(Int32(id))").first)
            #expect(try row.decode(String.self, "name") == Self.row(id)[1])
            #expect(try row.decode(String?.self, "note") == Self.row(id)[2])
        }
    }

    @Test func copyErrorsAreReportedAndSessionStaysUsable() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE c (id int PRIMARY KEY)")
        let duplicate = try #require(throws: PostgresError.self) {
            try conn.copyIn("COPY c (id) FROM STDIN", rows: [["1"], ["1"]])
        }
        #expect(duplicate.isUniqueViolation)
        let nul = try #require(throws: PostgresError.self) {
            try conn.copyIn("COPY c (id) FROM STDIN", rows: [["2"], ["a\u{0}"]])
        }
        #expect(nul.kind == .encode)
        let notCopy = try #require(throws: PostgresError.self) { try conn.copyIn("SELECT 1", rows: [[String?]]()) }
        #expect(notCopy.kind == .protocol)
        let viaQuery = try #require(throws: PostgresError.self) { try conn.query("COPY c (id) FROM STDIN") }
        #expect(viaQuery.kind == .protocol)
        #expect(try conn.query("SELECT count(*) FROM c").first?.decode(Int.self, column: 0) == 0)
        #expect(try conn.copyIn("COPY c FROM STDIN", rows: [["5"]]) == 1)
    }
}
