/// One result row. Values are decoded on demand, by column name or position.
///
/// ```swift
/// let name = try row.decode(String.self, "name")
/// let id = try row.decode(Int.self, column: 0)
/// let note = try row.decode(String?.self, "note")          // NULL → nil
/// let note2 = try row.decodeIfPresent(String.self, "note")  // same
/// ```
/// Failures throw ``PostgresError`` of kind ``PostgresError/Kind/decode`` naming the column and
/// the types involved — never the value.
public struct Row: Sendable {
    final class Layout: Sendable {
        let columns: [QueryResult.Column]
        let indexByName: [String: Int]

        init(columns: [QueryResult.Column]) {
            self.columns = columns
            var indexByName: [String: Int] = [:]
            // The first of duplicate names wins, as in most drivers.
            for (index, column) in columns.enumerated() where indexByName[column.name] == nil {
                indexByName[column.name] = index
            }
            self.indexByName = indexByName
        }
    }

    let layout: Layout
    let cells: ArraySlice<String?>

    /// The row's columns.
    public var columns: [QueryResult.Column] { layout.columns }

    /// The raw text of a column (PostgreSQL's text output), nil for NULL.
    public func text(column index: Int) throws -> String? {
        try checkIndex(index)
        return cells[cells.startIndex + index]
    }

    /// Whether the named column is NULL.
    public func isNull(_ name: String) throws -> Bool { try text(column: index(of: name)) == nil }

    /// Decodes the column called `name`.
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ name: String) throws -> T {
        try decode(type, column: index(of: name))
    }

    /// Decodes the column at position `index` (0-based).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, column index: Int) throws -> T {
        try checkIndex(index)
        let column = layout.columns[index]
        guard let text = cells[cells.startIndex + index] else {
            guard let null = T.postgresNull() else {
                throw decodeError(column, T.self, reason: "unexpected NULL")
            }
            return null
        }
        do {
            return try T.decode(postgresText: text, type: column.dataType)
        } catch let failure as PostgresDecodingFailure {
            throw decodeError(column, T.self, reason: failure.reason)
        } catch {
            // Foreign errors (JSONDecoder) may quote the value: replace, do not wrap.
            throw decodeError(column, T.self, reason: "invalid value")
        }
    }

    /// Decodes the column called `name`, returning nil for NULL.
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type, _ name: String) throws -> T? {
        try decode(T?.self, name)
    }

    /// Decodes the column at `index`, returning nil for NULL.
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type = T.self, column index: Int) throws -> T? {
        try decode(T?.self, column: index)
    }

    private func index(of name: String) throws -> Int {
        guard let index = layout.indexByName[name] else {
            throw PostgresError(kind: .decode, message: "no column named \"\(name)\" in result", column: name)
        }
        return index
    }

    private func checkIndex(_ index: Int) throws {
        guard layout.columns.indices.contains(index) else {
            throw PostgresError(
                kind: .decode, message: "column index \(index) out of range (\(layout.columns.count) columns)")
        }
    }

    private func decodeError<T>(_ column: QueryResult.Column, _ type: T.Type, reason: String) -> PostgresError {
        PostgresError(
            kind: .decode,
            message: "cannot decode column \"\(column.name)\" of type \(column.dataType) as \(T.self): \(reason)",
            column: column.name, dataType: column.dataType.description)
    }
}
