internal import CLibPQ
import Logging

extension Connection {
    /// Runs one statement with its bind parameters and returns all rows.
    ///
    /// - Throws: ``PostgresError``: `.query` with the server's SQLSTATE when it rejects the
    ///   statement, `.connectionLost` when the session broke, `.encode` when a value could not be
    ///   sent.
    @discardableResult
    public func query(_ query: SQLQuery) throws -> QueryResult {
        let conn = try liveHandle()
        if let error = query.encodingError { throw error }
        logger.trace("query", metadata: ["sql": "\(query.sql)", "binds": "\(query.binds.count)"])
        let result = try Self.execParams(conn, query)
        defer { drainNotifications(conn) }
        return try finish(conn, ResultHandle(result))
    }

    /// Runs one statement and returns the number of rows it affected (0 when it reports none).
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> Int {
        try self.query(query).affectedRows ?? 0
    }

    /// Runs raw SQL, possibly several `;`-separated statements, without parameters (`PQexec`).
    ///
    /// Unsafe by name: never build `sql` from untrusted values. For migrations and fixed DDL.
    /// Statements run in one implicit transaction unless the script has its own BEGIN/COMMIT.
    /// Returns the result of the last statement.
    @discardableResult
    public func unsafeExecuteScript(_ sql: String) throws -> QueryResult {
        let conn = try liveHandle()
        logger.trace("script", metadata: ["bytes": "\(sql.utf8.count)"])
        let result = PQexec(conn, sql)
        defer { drainNotifications(conn) }
        return try finish(conn, ResultHandle(result))
    }

    /// Checks a result and copies it out; every path frees it exactly once (via `ResultHandle`).
    func finish(_ conn: OpaquePointer, _ handle: consuming ResultHandle?) throws -> QueryResult {
        guard let handle else { throw connectionFailure(conn) }
        switch handle.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return handle.makeQueryResult()
        case PGRES_EMPTY_QUERY:
            return .empty
        case PGRES_COPY_IN:
            // A COPY FROM STDIN sent through query(): refuse it and leave the session usable.
            PQputCopyEnd(conn, "COPY FROM STDIN must use copyIn(_:rows:)")
            drainResults(conn)
            throw PostgresError(kind: .protocol, message: "COPY FROM STDIN must use copyIn(_:rows:)")
        case PGRES_COPY_OUT:
            drainCopyOut(conn)
            throw PostgresError(kind: .protocol, message: "COPY TO STDOUT is not supported")
        default:
            let lost = PQstatus(conn) != CONNECTION_OK
            let error = handle.error(kind: lost ? .connectionLost : .query)
            logger.debug("statement failed", metadata: ["error": "\(error)"])
            throw error
        }
    }

    /// Reads and frees results until libpq has none left, so the connection is ready again.
    func drainResults(_ conn: OpaquePointer) {
        while let result = PQgetResult(conn) { PQclear(result) }
    }

    private func drainCopyOut(_ conn: OpaquePointer) {
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(conn, &buffer, 0) > 0 {
            if let buffer { PQfreemem(buffer) }
            buffer = nil
        }
        drainResults(conn)
    }

    /// Sends `query` with `PQexecParams`: text-format parameters, text-format results.
    static func execParams(_ conn: OpaquePointer, _ query: SQLQuery) throws -> OpaquePointer? {
        let binds = query.binds
        // One contiguous buffer of NUL-terminated values keeps the C strings alive for the call.
        var storage: [CChar] = []
        var offsets: [Int?] = []
        offsets.reserveCapacity(binds.count)
        for (index, bind) in binds.enumerated() {
            guard let text = bind.text else {
                offsets.append(nil)
                continue
            }
            offsets.append(storage.count)
            for byte in text.utf8 {
                guard byte != 0 else {
                    throw PostgresError(
                        kind: .encode, message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL text cannot hold")
                }
                storage.append(CChar(bitPattern: byte))
            }
            storage.append(0)
        }
        let types = binds.map { Oid($0.dataType.oid) }
        return storage.withUnsafeBufferPointer { buffer in
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { buffer.baseAddress! + $0 } }
            return PQexecParams(conn, query.sql, Int32(binds.count), types, values, nil, nil, 0)
        }
    }
}
