internal import CLibPQ
import Logging

extension Connection {
    /// Bulk-loads rows with `COPY … FROM STDIN` in text format and returns how many the server
    /// copied.
    ///
    /// ```swift
    /// try conn.copyIn("COPY person (name, note) FROM STDIN", rows: [["bjørn", nil]])
    /// ```
    /// Each row is one array of fields, nil for NULL, in the column order of the statement.
    /// Fields are escaped for the text format (backslash, tab, newline, carriage return) and
    /// sent in ~64 KiB chunks. A field containing a NUL byte aborts the COPY with `.encode`.
    /// Runs in the current transaction if one is open; otherwise the COPY is its own.
    @discardableResult
    public func copyIn<Rows: Sequence<[String?]>>(_ statement: SQLQuery, rows: Rows) throws -> Int {
        let conn = try liveHandle()
        guard statement.binds.isEmpty else {
            throw PostgresError(kind: .encode, message: "COPY statements cannot take bind parameters")
        }
        logger.trace("copy in", metadata: ["sql": "\(statement.sql)"])
        do {
            let start = ResultHandle(PQexec(conn, statement.sql))
            guard let start else { throw connectionFailure(conn) }
            guard start.status == PGRES_COPY_IN else {
                _ = try finish(conn, start)  // throws the server's error
                throw PostgresError(kind: .protocol, message: "statement is not COPY FROM STDIN")
            }
        }

        var buffer: [UInt8] = []
        let chunkSize = 64 * 1024
        buffer.reserveCapacity(chunkSize + 4096)
        var abortReason: PostgresError?
        for row in rows {
            if !CopyTextFormat.appendRow(row, to: &buffer) {
                abortReason = PostgresError(kind: .encode, message: "COPY field contains a NUL byte")
                break
            }
            if buffer.count >= chunkSize {
                try putCopyData(conn, buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if abortReason == nil, !buffer.isEmpty { try putCopyData(conn, buffer) }

        guard PQputCopyEnd(conn, abortReason == nil ? nil : "aborted by client") == 1 else {
            drainResults(conn)
            throw connectionFailure(conn, fallback: .connectionLost)
        }
        // The final status arrives as one result, followed by nil; read until nil.
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
        if let abortReason { throw abortReason }
        if let failure { throw failure }
        return copied ?? 0
    }

    func putCopyData(_ conn: OpaquePointer, _ bytes: [UInt8]) throws {
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
        }
        guard status == 1 else {
            // The server usually explains (bad data, lost link) in the final result.
            PQputCopyEnd(conn, "send failed")
            var serverError: PostgresError?
            while let handle = ResultHandle(PQgetResult(conn)) {
                if serverError == nil, handle.status == PGRES_FATAL_ERROR {
                    serverError = handle.error(kind: PQstatus(conn) == CONNECTION_OK ? .query : .connectionLost)
                }
            }
            throw serverError ?? connectionFailure(conn, fallback: .connectionLost)
        }
    }
}

/// PostgreSQL's COPY text format, as bytes: fields separated by tab, rows ended by newline,
/// NULL as `\N`, and backslash, tab, newline and carriage return escaped. Lengths are bytes
/// (UTF-8), never `String.count`.
enum CopyTextFormat {
    /// Appends one row; false if a field holds a NUL byte, which the format cannot carry.
    static func appendRow(_ row: [String?], to buffer: inout [UInt8]) -> Bool {
        for (index, field) in row.enumerated() {
            if index > 0 { buffer.append(0x09) }
            guard let field else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case 0: return false
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "\\"))
                case 0x09: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
                case 0x0A: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x0A)
        return true
    }
}
