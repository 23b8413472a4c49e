/// A SQL statement whose interpolated values become bind parameters.
///
/// ```swift
/// let query: SQLQuery = "SELECT * FROM entry WHERE unit = \(unit) AND created > \(since)::timestamptz"
/// // sql: "SELECT * FROM entry WHERE unit = $1 AND created > $2::timestamptz", two binds
/// ```
/// Values never become SQL text, so they cannot inject SQL. Optional values bind NULL when nil.
/// A `String` variable is not a `SQLQuery`: raw SQL goes only through the explicitly unsafe
/// `\(unescaped:)` interpolation (for identifiers you built, ideally with
/// ``Connection/escapeIdentifier(_:)``) or ``Connection/unsafeExecuteScript(_:)``.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One bind parameter: its text (nil for NULL) and declared type.
    public struct Bind: Sendable, Hashable {
        public var text: String?
        public var dataType: PostgresDataType
    }

    /// The statement text with `$1`, `$2`… placeholders.
    public private(set) var sql: String
    /// The parameters, in placeholder order.
    public private(set) var binds: [Bind]
    /// The first error raised while encoding a value; thrown when the query is executed, since
    /// string interpolation itself cannot throw without forcing `try` on every literal.
    var encodingError: PostgresError?

    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
        encodingError = stringInterpolation.encodingError
    }

    /// Builds a query from SQL text you trust completely. Prefer interpolation.
    public init(unsafeSQL sql: String) {
        self.sql = sql
        binds = []
    }

    /// Appends another query (say, an optional `AND …` clause), renumbering its placeholders.
    public mutating func append(_ other: SQLQuery) {
        var interpolation = StringInterpolation(sql: sql, binds: binds, encodingError: encodingError)
        interpolation.appendInterpolation(other)
        sql = interpolation.sql
        binds = interpolation.binds
        encodingError = interpolation.encodingError
    }

    public static func + (lhs: SQLQuery, rhs: SQLQuery) -> SQLQuery {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// The SQL and the number of binds; values are left out so that logs cannot leak them.
    public var description: String { "\(sql) [\(binds.count) bind\(binds.count == 1 ? "" : "s")]" }

    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql: String
        var binds: [Bind]
        var encodingError: PostgresError?

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds = []
            binds.reserveCapacity(interpolationCount)
        }

        init(sql: String, binds: [Bind], encodingError: PostgresError?) {
            self.sql = sql
            self.binds = binds
            self.encodingError = encodingError
        }

        public mutating func appendLiteral(_ literal: String) {
            sql.append(literal)
        }

        /// Binds `value` as the next `$n`. Optionals bind NULL when nil.
        public mutating func appendInterpolation<T: PostgresEncodable>(_ value: T) {
            appendBind(value)
        }

        /// Binds `value`, or NULL when nil. (A separate overload so that the compiler does not
        /// warn about interpolating an optional: this is not string formatting.)
        public mutating func appendInterpolation<T: PostgresEncodable>(_ value: T?) {
            appendBind(value)
        }

        private mutating func appendBind<T: PostgresEncodable>(_ value: T) {
            let text: String?
            do {
                text = try value.encodePostgresText()
            } catch let error as PostgresError {
                encodingError = encodingError ?? error
                text = nil
            } catch {
                encodingError = encodingError ?? PostgresError(kind: .encode, message: "cannot encode \(T.self)")
                text = nil
            }
            binds.append(Bind(text: text, dataType: T.postgresDataType))
            sql.append("$\(binds.count)")
        }

        /// Binds `value` and casts it: `\(date, as: .timestamptz)` → `$1::timestamptz`.
        public mutating func appendInterpolation<T: PostgresEncodable>(_ value: T, as type: PostgresDataType) {
            appendBind(value)
            if let name = type.sqlName { sql.append("::\(name)") }
        }

        /// Binds `value` (NULL when nil) and casts it.
        public mutating func appendInterpolation<T: PostgresEncodable>(_ value: T?, as type: PostgresDataType) {
            appendBind(value)
            if let name = type.sqlName { sql.append("::\(name)") }
        }

        /// Splices a query fragment, renumbering its placeholders after the ones already here.
        public mutating func appendInterpolation(_ fragment: SQLQuery) {
            let offset = binds.count
            if let error = fragment.encodingError { encodingError = encodingError ?? error }
            binds.append(contentsOf: fragment.binds)
            guard offset > 0, !fragment.binds.isEmpty else {
                sql.append(fragment.sql)
                return
            }
            sql.append(Self.renumber(fragment.sql, by: offset))
        }

        /// Inserts `sql` verbatim. Unsafe: only for SQL you built yourself, such as identifiers
        /// quoted with ``Connection/escapeIdentifier(_:)``. Never for values.
        public mutating func appendInterpolation(unescaped sql: String) {
            self.sql.append(sql)
        }

        /// Shifts `$n` placeholders by `offset`. Skips quoted literals, quoted identifiers and
        /// dollar-quoted bodies' `$tag$` markers closely enough for fragments built here.
        static func renumber(_ sql: String, by offset: Int) -> String {
            var out = ""
            out.reserveCapacity(sql.utf8.count + 8)
            var iterator = Array(sql.unicodeScalars)[...]
            var quote: Unicode.Scalar?
            while let scalar = iterator.popFirst() {
                if let open = quote {
                    out.unicodeScalars.append(scalar)
                    if scalar == open { quote = nil }
                    continue
                }
                if scalar == "'" || scalar == "\"" {
                    quote = scalar
                    out.unicodeScalars.append(scalar)
                    continue
                }
                if scalar == "$", let first = iterator.first, ("0"..."9").contains(first) {
                    var digits = ""
                    while let next = iterator.first, ("0"..."9").contains(next) {
                        digits.unicodeScalars.append(next)
                        iterator.removeFirst()
                    }
                    out.append("$\(Int(digits)! + offset)")
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
            return out
        }
    }
}
