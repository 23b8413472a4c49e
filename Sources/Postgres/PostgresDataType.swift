/// A PostgreSQL type, identified by its OID (`pg_type.oid`).
///
/// Only built-in types have stable OIDs; the constants below are those this library encodes or
/// decodes. Types created with `CREATE TYPE` arrive with their own OID and decode as `String`.
public struct PostgresDataType: Hashable, Sendable, CustomStringConvertible {
    /// The type's OID.
    public let oid: UInt32

    public init(oid: UInt32) { self.oid = oid }

    /// Unspecified: the server infers the type from context (as it does for a quoted literal),
    /// so `$1::timestamptz` or `WHERE uuid_col = $1` work with a text value.
    public static let unknown = PostgresDataType(oid: 0)
    public static let bool = PostgresDataType(oid: 16)
    public static let bytea = PostgresDataType(oid: 17)
    public static let char = PostgresDataType(oid: 18)
    public static let name = PostgresDataType(oid: 19)
    public static let int8 = PostgresDataType(oid: 20)
    public static let int2 = PostgresDataType(oid: 21)
    public static let int4 = PostgresDataType(oid: 23)
    public static let text = PostgresDataType(oid: 25)
    public static let oidType = PostgresDataType(oid: 26)
    public static let json = PostgresDataType(oid: 114)
    public static let float4 = PostgresDataType(oid: 700)
    public static let float8 = PostgresDataType(oid: 701)
    public static let boolArray = PostgresDataType(oid: 1000)
    public static let byteaArray = PostgresDataType(oid: 1001)
    public static let int2Array = PostgresDataType(oid: 1005)
    public static let int4Array = PostgresDataType(oid: 1007)
    public static let textArray = PostgresDataType(oid: 1009)
    public static let varcharArray = PostgresDataType(oid: 1015)
    public static let int8Array = PostgresDataType(oid: 1016)
    public static let float8Array = PostgresDataType(oid: 1022)
    public static let bpchar = PostgresDataType(oid: 1042)
    public static let varchar = PostgresDataType(oid: 1043)
    public static let date = PostgresDataType(oid: 1082)
    public static let time = PostgresDataType(oid: 1083)
    public static let timestamp = PostgresDataType(oid: 1114)
    public static let dateArray = PostgresDataType(oid: 1182)
    public static let timestamptz = PostgresDataType(oid: 1184)
    public static let timestamptzArray = PostgresDataType(oid: 1185)
    public static let interval = PostgresDataType(oid: 1186)
    public static let numericArray = PostgresDataType(oid: 1231)
    public static let numeric = PostgresDataType(oid: 1700)
    public static let uuid = PostgresDataType(oid: 2950)
    public static let uuidArray = PostgresDataType(oid: 2951)
    public static let jsonb = PostgresDataType(oid: 3802)

    private static let names: [UInt32: String] = [
        16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4",
        25: "text", 26: "oid", 114: "json", 700: "float4", 701: "float8", 1000: "bool[]",
        1001: "bytea[]", 1005: "int2[]", 1007: "int4[]", 1009: "text[]", 1015: "varchar[]",
        1016: "int8[]", 1022: "float8[]", 1042: "bpchar", 1043: "varchar", 1082: "date",
        1083: "time", 1114: "timestamp", 1182: "date[]", 1184: "timestamptz",
        1185: "timestamptz[]", 1186: "interval", 1231: "numeric[]", 1700: "numeric", 2950: "uuid",
        2951: "uuid[]", 3802: "jsonb",
    ]

    /// The SQL name for built-in types (usable in a cast), nil for others.
    public var sqlName: String? { Self.names[oid] }

    public var description: String { sqlName ?? (oid == 0 ? "unknown" : "oid \(oid)") }

    var isInteger: Bool { self == .int2 || self == .int4 || self == .int8 || self == .oidType }
    /// Types whose text output is arbitrary text, which any `String`-like decoder accepts.
    var isTextual: Bool {
        self == .text || self == .varchar || self == .bpchar || self == .name || self == .unknown
            || self == .char || oid == 705  // 705: "unknown" literal in a result, e.g. SELECT 'x'
    }
}
