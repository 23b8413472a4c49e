internal import CLibPQ

/// Sole owner of a `PGresult*`: non-copyable, so `PQclear` runs exactly once, when the handle
/// goes out of scope. Everything needed later is copied into Swift values before that.
struct ResultHandle: ~Copyable {
    let pointer: OpaquePointer

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { PQclear(pointer) }

    var status: ExecStatusType { PQresultStatus(pointer) }

    func errorField(_ code: Int32) -> String? {
        guard let raw = PQresultErrorField(pointer, code) else { return nil }
        return String(cString: raw)
    }

    /// The server's error as a ``PostgresError``; `kind` decided by the caller.
    func error(kind: PostgresError.Kind) -> PostgresError {
        var message = errorField(VK_PG_DIAG_MESSAGE_PRIMARY)
        if message == nil, let raw = PQresultErrorMessage(pointer) {
            // libpq-generated errors (lost connection) have no fields, only the full message.
            message = String(cString: raw).trimmingWhitespace()
        }
        return PostgresError(
            kind: kind,
            sqlState: errorField(VK_PG_DIAG_SQLSTATE),
            message: (message?.isEmpty ?? true) ? "unknown error" : message!,
            detail: errorField(VK_PG_DIAG_MESSAGE_DETAIL),
            hint: errorField(VK_PG_DIAG_MESSAGE_HINT),
            schema: errorField(VK_PG_DIAG_SCHEMA_NAME),
            table: errorField(VK_PG_DIAG_TABLE_NAME),
            column: errorField(VK_PG_DIAG_COLUMN_NAME),
            dataType: errorField(VK_PG_DIAG_DATATYPE_NAME),
            constraint: errorField(VK_PG_DIAG_CONSTRAINT_NAME)
        )
    }

    /// Copies columns and cells into a ``QueryResult`` (text format only).
    func makeQueryResult() -> QueryResult {
        let fieldCount = Int(PQnfields(pointer))
        let rowCount = Int(PQntuples(pointer))
        var columns: [QueryResult.Column] = []
        columns.reserveCapacity(fieldCount)
        for index in 0..<fieldCount {
            let name = PQfname(pointer, Int32(index)).map { String(cString: $0) } ?? ""
            columns.append(.init(name: name, dataType: PostgresDataType(oid: PQftype(pointer, Int32(index)))))
        }
        var cells: [String?] = []
        cells.reserveCapacity(fieldCount * rowCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(fieldCount) {
                if PQgetisnull(pointer, row, column) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(pointer, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(pointer, row, column)!)
                    cells.append(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
        }
        let tuples = PQcmdTuples(pointer).map { String(cString: $0) } ?? ""
        let tag = PQcmdStatus(pointer).map { String(cString: $0) } ?? ""
        return QueryResult(columns: columns, cells: cells, affectedRows: Int(tuples), commandTag: tag)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
