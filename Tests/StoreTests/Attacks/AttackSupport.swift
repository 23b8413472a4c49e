import Foundation
import Postgres
import Testing

/// What the database answered to a statement an attacker sent: nil when it succeeded.
func refusal(_ c: Connection, _ sql: SQLQuery) -> PostgresError? {
    do {
        _ = try c.query(sql)
        return nil
    } catch let error as PostgresError {
        return error
    } catch {
        Issue.record("not a PostgresError: \(error)")
        return nil
    }
}

/// Expects `sql` to be refused with `sqlState` and, when given, the `vaktlogg:` hint `code`.
func expectRefused(_ c: Connection, _ sql: SQLQuery, sqlState: String, hint code: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    guard let e = refusal(c, sql) else {
        Issue.record("accepted: \(sql)", sourceLocation: sourceLocation)
        return
    }
    #expect(e.sqlState == sqlState, "\(e)", sourceLocation: sourceLocation)
    if let code { #expect(e.hint == "vaktlogg:\(code)", "\(e)", sourceLocation: sourceLocation) }
}

/// Everything an error shows a user: message, detail and hint (the attacker reads all three).
func visibleText(_ e: PostgresError) -> String {
    [e.message, e.detail ?? "", e.hint ?? ""].joined(separator: "\n")
}

/// A statement running on its own thread and connection, so that the test can watch it wait for a
/// lock another session holds, and collect its outcome when it finishes.
final class BackgroundStatement: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<Int, any Error>?
    let pid: Int

    /// Starts `sql` on `connection` (which the statement then owns until `wait()`).
    init(_ connection: Connection, _ sql: SQLQuery) throws {
        pid = try connection.query("SELECT pg_backend_pid() AS pid").first!.decode(Int.self, "pid")
        let owned = Owned(connection)
        let thread = Thread { [self] in
            let result = Result { try owned.connection.execute(sql) }
            lock.withLock { outcome = result }
            done.signal()
        }
        thread.start()
    }

    /// Returns once the statement's backend is waiting for a lock held by `holder` (watched through
    /// pg_blocking_pids, so no sleeping and no timing assumption).
    func waitUntilBlocked(by holder: Int, observer: Connection) throws {
        for _ in 0..<1_000_000 {
            let blocked = try observer.query("SELECT \(holder)::int = ANY (pg_blocking_pids(\(pid)::int)) AS b").first!
                .decode(Bool.self, "b")
            if blocked { return }
            if lock.withLock({ outcome != nil }) { break }
        }
        Issue.record("statement never blocked on \(holder)")
    }

    /// Waits for the statement to finish and returns the rows it affected (or its error).
    func wait() -> Result<Int, any Error> {
        done.wait()
        return lock.withLock { outcome! }
    }
}

/// Hands a connection to exactly one other thread (libpq connections are not shared, only moved).
private struct Owned: @unchecked Sendable {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }
}
