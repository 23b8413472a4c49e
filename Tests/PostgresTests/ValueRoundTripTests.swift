import Foundation
import Postgres
import Testing

@Suite struct ValueRoundTripTests {
    static let trickyStrings = [
        "", "plain", "æøå ÆØÅ", "emoji 🙂👩‍👩‍👧", "'); DROP TABLE x; --", "Robert'); DROP TABLE students;--",
        "back\\slash \\\\ double", "\"quoted\"", "tab\tnew\nline\r", "NULL", "null", "{a,b}", "a,b",
        "$1", "%s %d", " leading and trailing ",
    ]

    @Test func stringsAreStoredVerbatim() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE x (id int PRIMARY KEY, s text NOT NULL)")
        for (id, string) in Self.trickyStrings.enumerated() {
            try conn.query("INSERT INTO x (id, s) VALUES (\(Int32(id)), \(string))")
        }
        let rows = try conn.query("SELECT id, s, octet_length(s) AS bytes FROM x ORDER BY id").rows
        #expect(rows.count == Self.trickyStrings.count)
        for row in rows {
            let id = try row.decode(Int.self, "id")
            #expect(try row.decode(String.self, "s") == Self.trickyStrings[id])
            #expect(try row.decode(Int.self, "bytes") == Self.trickyStrings[id].utf8.count)
        }
        // The table the injection strings name still exists and nothing else ran.
        #expect(try conn.query("SELECT count(*) FROM x").first?.decode(Int.self, column: 0) == Self.trickyStrings.count)
    }

    @Test func integersBoolsAndFloats() throws {
        let conn = try Fixture().connect()
        let row = try #require(
            try conn.query(
                "SELECT \(Int.max) AS a, \(Int.min) AS b, \(Int32.min) AS c, \(Int16.max) AS d, \(true) AS e, \(false) AS f, \(0.1) AS g, \(-1e300) AS h, \(Double.infinity) AS i, \(Double.nan) AS j, pg_typeof(\(Int32(1)))::text AS k"
            ).first)
        #expect(try row.decode(Int.self, "a") == Int.max)
        #expect(try row.decode(Int64.self, "b") == Int64.min)
        #expect(try row.decode(Int32.self, "c") == Int32.min)
        #expect(try row.decode(Int16.self, "d") == Int16.max)
        #expect(try row.decode(Bool.self, "e") == true)
        #expect(try row.decode(Bool.self, "f") == false)
        #expect(try row.decode(Double.self, "g") == 0.1)
        #expect(try row.decode(Double.self, "h") == -1e300)
        #expect(try row.decode(Double.self, "i") == .infinity)
        #expect(try row.decode(Double.self, "j").isNaN)
        #expect(try row.decode(String.self, "k") == "integer")
        #expect(try row.decode(Int.self, column: 0) == Int.max)
    }

    @Test func numericAsDecimalAndDouble() throws {
        let conn = try Fixture().connect()
        let big = Decimal(string: "12345678901234567890.123456789")!
        let row = try #require(try conn.query("SELECT \(big) AS a, \(Decimal(string: "-0.5")!)::numeric(4,2) AS b, 'NaN'::numeric AS c").first)
        #expect(try row.decode(Decimal.self, "a") == big)
        #expect(try row.decode(String.self, "a") == "12345678901234567890.123456789")
        #expect(try row.decode(Decimal.self, "b") == Decimal(string: "-0.5"))
        #expect(try row.decode(String.self, "b") == "-0.50")
        #expect(try row.decode(Double.self, "b") == -0.5)
        #expect(try row.decode(Decimal.self, "c").isNaN)
    }

    @Test func timestampsWithMicrosecondsAndBefore1970() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE t (id int, at timestamptz)")
        let micros: [Int64] = [
            1_795_438_800_123_456,  // 2026-11-23T13:00:00.123456Z
            -14_182_940_000_000 + 1,  // 1969-07-20T20:17:40.000001Z
            -500_000,  // 1969-12-31T23:59:59.5Z
            0, -2_208_988_800_000_000,  // 1900-01-01
            -62_135_596_800_000_000,  // 0001-01-01
            // Far from 2001 a Double-backed Date cannot hold microseconds; whole seconds are exact.
            253_402_300_799_000_000,  // 9999-12-31T23:59:59Z
            4_102_444_799_999_999,  // 2099-12-31T23:59:59.999999Z
        ]
        for (id, value) in micros.enumerated() {
            let date = Date(timeIntervalSince1970: Double(value) / 1_000_000)
            try conn.query("INSERT INTO t VALUES (\(Int32(id)), \(date))")
        }
        let rows = try conn.query(
            "SELECT id, at, (extract(epoch FROM at) * 1000000)::int8 AS server_micros FROM t ORDER BY id"
        ).rows
        #expect(rows.count == micros.count)
        for row in rows {
            let expected = micros[try row.decode(Int.self, "id")]
            // The server stored the exact instant we sent…
            #expect(try row.decode(Int64.self, "server_micros") == expected)
            // …and we parse its text output back to the same microsecond.
            let decoded = try row.decode(Date.self, "at")
            #expect(Int64((decoded.timeIntervalSince1970 * 1_000_000).rounded()) == expected)
        }
        #expect(try conn.query("SELECT \(Date(timeIntervalSince1970: 1_795_438_800.123456))::text").first?.decode(String.self, column: 0)
            == "2026-11-23T13:00:00.123456Z")
        #expect(try conn.query("SHOW TimeZone").first?.decode(String.self, column: 0) == "UTC")
    }

    @Test(arguments: [
        ("2020-01-01 00:00:00.1+00", 1_577_836_800_100_000 as Int64),
        ("2020-01-01 00:00:00.12+00", 1_577_836_800_120_000),
        ("2020-01-01 00:00:00.123456+00", 1_577_836_800_123_456),
        ("2020-01-01 05:30:00+05:30", 1_577_836_800_000_000),
        ("1890-01-01 05:21:10+05:21:10", -2_524_521_600_000_000),
        ("2019-12-31 19:00:00-05", 1_577_836_800_000_000),
    ])
    func timestampTextForms(text: String, micros: Int64) throws {
        let conn = try Fixture().connect()
        // Decoded via the server (so the text really is what PostgreSQL writes), in UTC and in
        // a zone with an odd offset.
        for zone in ["UTC", "Asia/Kolkata"] {
            try conn.query("SELECT set_config('TimeZone', \(zone), false)")
            let row = try #require(try conn.query("SELECT \(text)::timestamptz AS at").first)
            let date = try row.decode(Date.self, "at")
            let shown = try row.decode(String.self, "at")
            #expect(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) == micros, "\(zone) \(shown)")
        }
    }

    @Test func datesIncludingBC() throws {
        let conn = try Fixture().connect()
        let dates = [
            PostgresDate(year: 2026, month: 11, day: 23), PostgresDate(year: 1969, month: 7, day: 20),
            PostgresDate(year: -43, month: 3, day: 15), PostgresDate(year: 10000, month: 1, day: 1),
        ]
        for date in dates {
            let row = try #require(try conn.query("SELECT \(date) AS d, \(date)::text AS t").first)
            #expect(try row.decode(PostgresDate.self, "d") == date)
        }
        let bc = try #require(try conn.query("SELECT '0044-03-15 BC'::date AS d").first)
        #expect(try bc.decode(PostgresDate.self, "d") == PostgresDate(year: -43, month: 3, day: 15))
        #expect(try bc.decode(String.self, "d") == "0044-03-15 BC")
    }

    @Test func uuidAndJSON() throws {
        struct Doc: Codable, Equatable {
            var name: String
            var tags: [String]
        }
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE j (id uuid PRIMARY KEY, doc jsonb, raw jsonb)")
        let id = UUID()
        let doc = Doc(name: "Bjørn 🙂 \"q\"", tags: ["a", "b\\c"])
        try conn.query("INSERT INTO j VALUES (\(id), \(PostgresJSON(doc)), \(#"{"b": [1, 2], "a": null}"#)::jsonb)")
        // String-typed binds coerce to uuid like a literal would.
        let row = try #require(try conn.query("SELECT id, doc, raw, doc->>'name' AS name FROM j WHERE id = \(id.uuidString.lowercased())").first)
        #expect(try row.decode(UUID.self, "id") == id)
        #expect(try row.decode(PostgresJSON<Doc>.self, "doc").value == doc)
        #expect(try row.decodeJSON(Doc.self, "doc") == doc)
        #expect(try row.decode(String.self, "name") == doc.name)
        #expect(try row.decode(String.self, "raw") == #"{"a": null, "b": [1, 2]}"#)
    }

    @Test func textArraysWithTrickyElements() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE a (id int, tags text[], maybe text[])")
        let tags = Self.trickyStrings + ["{", "}", "\\", "\"", "NULL ", "with space"]
        let maybe: [String?] = ["x", nil, "NULL", nil, ""]
        try conn.query("INSERT INTO a VALUES (1, \(tags), \(maybe))")
        let row = try #require(try conn.query(
            "SELECT tags, maybe, array_length(tags, 1) AS n, maybe[2] IS NULL AS second_null, maybe[3] AS third FROM a").first)
        #expect(try row.decode([String].self, "tags") == tags)
        #expect(try row.decode([String?].self, "maybe") == maybe)
        #expect(try row.decode(Int.self, "n") == tags.count)
        #expect(try row.decode(Bool.self, "second_null"))
        #expect(try row.decode(String.self, "third") == "NULL")
        #expect(throws: PostgresError.self) { try row.decode([String].self, "maybe") }

        let ints = try #require(try conn.query("SELECT \([3, -1, Int.max]) AS i, '{}'::text[] AS e, ARRAY[]::int[] AS e2").first)
        #expect(try ints.decode([Int].self, "i") == [3, -1, Int.max])
        #expect(try ints.decode([String].self, "e") == [])
        #expect(try ints.decode([Int].self, "e2") == [])
    }

    @Test func byteaAllByteValues() throws {
        let conn = try Fixture().connect()
        let bytes = (0...255).map { UInt8($0) }
        try conn.unsafeExecuteScript("CREATE TABLE b (raw bytea, data bytea)")
        try conn.query("INSERT INTO b VALUES (\(bytes), \(Data(bytes.reversed())))")
        let row = try #require(try conn.query(
            "SELECT raw, data, length(raw) AS n, get_byte(raw, 0) AS first, get_byte(raw, 255) AS last FROM b").first)
        #expect(try row.decode([UInt8].self, "raw") == bytes)
        #expect(try row.decode(Data.self, "data") == Data(bytes.reversed()))
        #expect(try row.decode(Int.self, "n") == 256)
        #expect(try row.decode(Int.self, "first") == 0)
        #expect(try row.decode(Int.self, "last") == 255)
    }

    @Test func nullsAndOptionals() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript(
            "CREATE TABLE n (s text, i int8, b bool, d numeric, t timestamptz, u uuid, a text[], x bytea)")
        let none: String? = nil
        let noInt: Int? = nil
        try conn.query(
            "INSERT INTO n VALUES (\(none), \(noInt), \(Bool?.none), \(Decimal?.none), \(Date?.none), \(UUID?.none), \([String]?.none), \(Data?.none))")
        let row = try #require(try conn.query("SELECT * FROM n").first)
        #expect(try row.decode(String?.self, "s") == nil)
        #expect(try row.decodeIfPresent(Int.self, "i") == nil)
        #expect(try row.decode(Bool?.self, "b") == nil)
        #expect(try row.decode(Decimal?.self, "d") == nil)
        #expect(try row.decode(Date?.self, "t") == nil)
        #expect(try row.decode(UUID?.self, "u") == nil)
        #expect(try row.decode([String]?.self, "a") == nil)
        #expect(try row.decode(Data?.self, "x") == nil)
        #expect(try row.isNull("s"))
        let error = try #require(throws: PostgresError.self) { try row.decode(String.self, "s") }
        #expect(error.kind == .decode)
        #expect(error.column == "s")
        // Present optionals bind their value.
        let some: Int? = 7
        #expect(try conn.query("SELECT \(some) AS v").first?.decode(Int?.self, "v") == 7)
    }

    @Test func decodeErrorNamesColumnButNotValue() throws {
        let conn = try Fixture().connect()
        let row = try #require(try conn.query("SELECT 'kari.nordmann@example.no'::text AS email").first)
        let error = try #require(throws: PostgresError.self) { try row.decode(Int.self, "email") }
        #expect(error.kind == .decode)
        #expect(error.column == "email")
        #expect(error.description.contains("email"))
        #expect(!error.description.contains("kari"))
        let missing = try #require(throws: PostgresError.self) { try row.decode(String.self, "nope") }
        #expect(missing.kind == .decode)
        let range = try #require(throws: PostgresError.self) { try row.decode(String.self, column: 3) }
        #expect(range.kind == .decode)
    }

    @Test func affectedRowsAndColumns() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE c (id int); INSERT INTO c SELECT generate_series(1, 5)")
        #expect(try conn.execute("UPDATE c SET id = id + 1 WHERE id > \(2)") == 3)
        let result = try conn.query("DELETE FROM c WHERE id < \(4) RETURNING id")
        #expect(result.affectedRows == 2)  // 1 and 2 remain below 4 after the update
        #expect(try result.rows.map { try $0.decode(Int.self, "id") }.sorted() == [1, 2])
        #expect(result.columns.map(\.name) == ["id"])
        #expect(result.columns.first?.dataType == .int4)
        #expect(try conn.query("CREATE INDEX ON c (id)").affectedRows == nil)
    }
}
