import Rules

/// One numbered schema migration: a file of `sql/`, compiled into the binary.
public struct Migration: Sendable, Hashable {
    /// The number the file name starts with; migrations apply in ascending order.
    public let version: Int
    /// The file name, e.g. `003_entries.sql`, shown when something is wrong with it.
    public let name: String
    /// The SQL text.
    public let sql: String

    /// Creates a migration; the version is read from the name's leading digits.
    public init(name: String, sql: String) {
        self.name = name
        self.version = Int(name.prefix { $0.isNumber }) ?? 0
        self.sql = sql
    }

    /// SHA-256 of the file's bytes, lower-case hex. A changed applied file is detected by it.
    public var checksum: String { SHA256Digest.hex(sql) }
}
