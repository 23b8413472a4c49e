internal import Foundation
import Logging

/// Transaction isolation levels (PostgreSQL treats READ UNCOMMITTED as READ COMMITTED).
public enum IsolationLevel: String, Sendable, Hashable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension Connection {
    /// Runs `body` in a transaction: BEGIN, then COMMIT if it returns or ROLLBACK if it throws.
    ///
    /// Serialization failures and deadlocks (SQLSTATE 40001, 40P01), whether raised inside
    /// `body` or by COMMIT, roll back and run `body` again from the start, up to `maxAttempts`
    /// times in all, after a short jittered backoff. So `body` must be safe to repeat: do
    /// nothing irreversible outside the database in it. Other errors are rethrown after
    /// ROLLBACK; a lost connection is rethrown as is.
    ///
    /// - Parameters:
    ///   - isolation: defaults to READ COMMITTED.
    ///   - readOnly: starts a READ ONLY transaction.
    ///   - maxAttempts: total tries for retryable failures (at least 1; default 5).
    public func transaction<T>(
        isolation: IsolationLevel = .readCommitted,
        readOnly: Bool = false,
        maxAttempts: Int = 5,
        _ body: (Connection) throws -> T
    ) throws -> T {
        guard transactionStatus == .idle || transactionStatus == .unknown else {
            throw PostgresError(kind: .protocol, message: "transaction() called inside a transaction; nesting is not supported")
        }
        let begin = SQLQuery(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        var attempt = 1
        while true {
            do {
                try query(begin)
                let value = try body(self)
                try query("COMMIT")
                return value
            } catch {
                let postgresError = error as? PostgresError
                if postgresError?.kind == .connectionLost || postgresError?.kind == .connectionClosed {
                    throw error
                }
                // After a failed COMMIT the server has already ended the transaction.
                if transactionStatus != .idle {
                    do {
                        try query("ROLLBACK")
                    } catch {
                        logger.debug("rollback failed", metadata: ["error": "\(error)"])
                    }
                }
                guard postgresError?.isSerializationFailure == true, attempt < maxAttempts else { throw error }
                logger.debug("retrying transaction", metadata: ["attempt": "\(attempt)", "sqlState": "\(postgresError?.sqlState ?? "")"])
                Self.backoff(attempt: attempt)
                attempt += 1
            }
        }
    }

    /// 5 ms doubling to at most 200 ms, with full jitter so that the conflicting transactions
    /// do not collide again in lock-step.
    private static func backoff(attempt: Int) {
        let ceiling = min(0.2, 0.005 * Double(1 << min(attempt, 6)))
        Thread.sleep(forTimeInterval: Double.random(in: (ceiling / 2)...ceiling))
    }
}
