import Postgres

extension Connection {
    /// Inserts one row spelled as SQL literals (`"'OSLO'"`, `"current_date + 90"`) and returns the
    /// error the database raised, or nil when the row was stored.
    ///
    /// The raw-SQL suites attack the database the way a user with `psql` would, so the statement is
    /// built as text on purpose: column names and values are the calling test's constants, never
    /// input. An error that is not a `PostgresError` is wrapped so a test can still assert on it.
    func rawInsert(_ table: String, _ row: [String: String]) -> PostgresError? {
        let columns = row.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { row[$0]! }.joined(separator: ", ")))"
        do {
            _ = try unsafeExecuteScript(sql)
            return nil
        } catch let error as PostgresError {
            return error
        } catch {
            return PostgresError(kind: .protocol, message: "\(error)")
        }
    }
}
