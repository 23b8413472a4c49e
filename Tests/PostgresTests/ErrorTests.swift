import Foundation
import Postgres
import Testing

@Suite struct ErrorTests {
    private func setUp() throws -> Connection {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE person (
                id int PRIMARY KEY,
                email text NOT NULL UNIQUE,
                age int CONSTRAINT person_age_check CHECK (age >= 0),
                parent int REFERENCES parent (id)
            );
            """)
        try conn.query("INSERT INTO person (id, email) VALUES (1, \("kari.nordmann@example.no"))")
        return conn
    }

    @Test func uniqueViolationKeepsRowDataOutOfDescription() throws {
        let conn = try setUp()
        let error = try #require(throws: PostgresError.self) {
            try conn.query("INSERT INTO person (id, email) VALUES (2, \("kari.nordmann@example.no"))")
        }
        #expect(error.kind == .query)
        #expect(error.sqlState == "23505")
        #expect(error.isUniqueViolation)
        #expect(!error.isCheckViolation && !error.isConnectionError && !error.isSerializationFailure)
        #expect(error.constraint == "person_email_key")
        #expect(error.table == "person")
        #expect(error.schema == "public")
        // The server's DETAIL names the duplicate value; it stays available but out of description.
        #expect(error.detail?.contains("kari.nordmann@example.no") == true)
        #expect(!error.description.contains("kari"))
        #expect(error.description.contains("23505"))
        #expect(error.description.contains("person_email_key"))
        #expect(error.description.contains(error.message))
        // The session is still usable.
        #expect(try conn.query("SELECT count(*) FROM person").first?.decode(Int.self, column: 0) == 1)
    }

    @Test func constraintKinds() throws {
        let conn = try setUp()
        let check = try #require(throws: PostgresError.self) {
            try conn.query("INSERT INTO person (id, email, age) VALUES (3, \("a@b"), \(-1))")
        }
        #expect(check.isCheckViolation)
        #expect(check.sqlState == "23514")
        #expect(check.constraint == "person_age_check")
        #expect(check.detail?.contains("a@b") == true)
        #expect(!check.description.contains("a@b"))

        let foreign = try #require(throws: PostgresError.self) {
            try conn.query("INSERT INTO person (id, email, parent) VALUES (4, \("c@d"), \(99))")
        }
        #expect(foreign.isForeignKeyViolation)
        #expect(foreign.constraint == "person_parent_fkey")

        let notNull = try #require(throws: PostgresError.self) {
            try conn.query("INSERT INTO person (id, email) VALUES (5, \(String?.none))")
        }
        #expect(notNull.isNotNullViolation)
        #expect(notNull.column == "email")
        #expect(notNull.table == "person")
    }

    @Test func permissionDenied() throws {
        let conn = try setUp()
        let role = "nopriv_" + UUID().uuidString.prefix(8).lowercased()
        try conn.unsafeExecuteScript("CREATE ROLE \(role) NOLOGIN")
        try conn.query("SET ROLE \(unescaped: try conn.escapeIdentifier(role))")
        let error = try #require(throws: PostgresError.self) {
            try conn.query("INSERT INTO person (id, email) VALUES (6, \("e@f"))")
        }
        #expect(error.isPermissionDenied)
        #expect(error.sqlState == "42501")
        #expect(!error.isConnectionError)
        try conn.query("RESET ROLE")
    }

    @Test func raisedExceptionAndHint() throws {
        let conn = try setUp()
        let error = try #require(throws: PostgresError.self) {
            try conn.unsafeExecuteScript("""
                DO $$ BEGIN RAISE EXCEPTION 'entry is sealed' USING HINT = 'append an amendment'; END $$
                """)
        }
        #expect(error.isRaisedException)
        #expect(error.message == "entry is sealed")
        #expect(error.hint == "append an amendment")
    }

    @Test func syntaxErrorAndEncodeError() throws {
        let conn = try setUp()
        let syntax = try #require(throws: PostgresError.self) { try conn.query("SELEC 1") }
        #expect(syntax.sqlState == "42601")
        #expect(syntax.kind == .query)
        let nul = try #require(throws: PostgresError.self) { try conn.query("SELECT \("a\u{0}b")") }
        #expect(nul.kind == .encode)
        // A string variable cannot become SQL by accident; the named unsafe path can.
        let table = "person"
        #expect(try conn.query("SELECT count(*) FROM \(unescaped: conn.escapeIdentifier(table))").first?
            .decode(Int.self, column: 0) == 1)
    }
}
