internal import CLibPQ
import Logging

extension Connection {
    /// Bulk-loads rows already in COPY text format (`COPY … FROM STDIN`, tab-separated fields,
    /// newline-ended rows, escaped as ``copyIn(_:rows:)`` escapes them) and returns how many the
    /// server copied. For loaders that encode rows themselves without a `String` per field.
    @discardableResult
    public func copyIn(_ statement: SQLQuery, encoded data: [UInt8]) throws -> Int {
        let conn = try liveHandle()
        guard statement.binds.isEmpty else {
            throw PostgresError(kind: .encode, message: "COPY statements cannot take bind parameters")
        }
        logger.trace("copy in", metadata: ["sql": "\(statement.sql)", "bytes": "\(data.count)"])
        let start = ResultHandle(PQexec(conn, statement.sql))
        guard let start else { throw connectionFailure(conn) }
        guard start.status == PGRES_COPY_IN else {
            _ = try finish(conn, start)  // throws the server's error
            throw PostgresError(kind: .protocol, message: "statement is not COPY FROM STDIN")
        }
        let chunk = 256 * 1024
        var offset = 0
        while offset < data.count {
            let end = min(data.count, offset + chunk)
            try putCopyData(conn, Array(data[offset..<end]))
            offset = end
        }
        guard PQputCopyEnd(conn, nil) == 1 else {
            drainResults(conn)
            throw connectionFailure(conn, fallback: .connectionLost)
        }
        var copied: Int?
        var failure: (any Error)?
        while let handle = ResultHandle(PQgetResult(conn)) {
            guard copied == nil, failure == nil else { continue }
            do {
                copied = try finish(conn, handle).affectedRows ?? 0
            } catch {
                failure = error
            }
        }
        drainNotifications(conn)
        if let failure { throw failure }
        return copied ?? 0
    }
}
