import Postgres
import Testing

@Suite struct TransactionTests {
    @Test func commitsAndRollsBack() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE t (id int PRIMARY KEY)")
        let value = try conn.transaction { conn in
            try conn.query("INSERT INTO t VALUES (1)")
            return 42
        }
        #expect(value == 42)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try conn.transaction { conn in
                try conn.query("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try conn.query("SELECT array_agg(id)::int8[] FROM t").first?.decode([Int].self, column: 0) == [1])
        #expect(conn.transactionStatus == .idle)
    }

    @Test func isolationLevelIsApplied() throws {
        let conn = try Fixture().connect()
        let level = try conn.transaction(isolation: .serializable, readOnly: true) { conn in
            try conn.query("SHOW transaction_isolation").first!.decode(String.self, column: 0)
        }
        #expect(level == "serializable")
        let readOnly = try conn.transaction(readOnly: true) { conn in
            try conn.query("SHOW transaction_read_only").first!.decode(String.self, column: 0)
        }
        #expect(readOnly == "on")
        #expect(try conn.transaction { try $0.query("SHOW transaction_isolation").first!.decode(String.self, column: 0) }
            == "read committed")
    }

    @Test func serializationFailureIsRetried() throws {
        let fixture = try Fixture()
        let conn = try fixture.connect()
        let other = try fixture.connect()
        try conn.unsafeExecuteScript("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)")
        var attempts = 0
        let final = try conn.transaction(isolation: .serializable) { conn in
            attempts += 1
            // Take the snapshot, then let a competing serializable transaction commit an
            // update of the same row before ours writes it: our UPDATE must fail with 40001.
            let seen = try conn.query("SELECT n FROM counter WHERE id = 1").first!.decode(Int.self, column: 0)
            if attempts == 1 {
                _ = try other.transaction(isolation: .serializable) { other in
                    try other.query("UPDATE counter SET n = n + 1 WHERE id = 1")
                }
            }
            try conn.query("UPDATE counter SET n = \(seen + 10) WHERE id = 1")
            return seen
        }
        #expect(attempts == 2)
        #expect(final == 1)  // the retry saw the competitor's committed update
        #expect(try conn.query("SELECT n FROM counter").first?.decode(Int.self, column: 0) == 11)
    }

    @Test func retriesStopAtMaxAttempts() throws {
        let conn = try Fixture().connect()
        var attempts = 0
        let error = try #require(throws: PostgresError.self) {
            try conn.transaction(maxAttempts: 3) { conn in
                attempts += 1
                try conn.unsafeExecuteScript(
                    "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$")
            }
        }
        #expect(error.isSerializationFailure)
        #expect(attempts == 3)
        #expect(conn.transactionStatus == .idle)
    }

    @Test func nonRetryableErrorsAreNotRetriedAndRollBack() throws {
        let conn = try Fixture().connect()
        try conn.unsafeExecuteScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
        var attempts = 0
        let error = try #require(throws: PostgresError.self) {
            try conn.transaction(isolation: .serializable) { conn in
                attempts += 1
                try conn.query("INSERT INTO t VALUES (2)")
                try conn.query("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.isUniqueViolation)
        #expect(attempts == 1)
        #expect(conn.transactionStatus == .idle)
        #expect(try conn.query("SELECT count(*) FROM t").first?.decode(Int.self, column: 0) == 1)
    }

    @Test func nestedTransactionIsRefused() throws {
        let conn = try Fixture().connect()
        let error = try #require(throws: PostgresError.self) {
            try conn.transaction { conn in try conn.transaction { _ in } }
        }
        #expect(error.kind == .protocol)
        #expect(conn.transactionStatus == .idle)
    }
}
