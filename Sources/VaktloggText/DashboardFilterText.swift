public import VaktloggCore

/// The dashboard's `:` command line and field filters, bokmål and English.
extension DashboardText {
    public static func facetUnit(_ v: String) -> T { T(nb: "enhet=\(v)", en: "unit=\(v)") }
    public static func facetKind(_ v: String) -> T { T(nb: "type=\(v)", en: "kind=\(v)") }
    public static func facetPriority(_ v: String) -> T { T(nb: "pri=\(v)", en: "pri=\(v)") }
    public static func facetStatus(_ v: String) -> T { T(nb: "status=\(v)", en: "status=\(v)") }
    /// The command line being typed, with its cursor.
    public static func commandLine(_ text: String) -> T { T(nb: ":\(text)▏", en: ":\(text)▏") }
    public static func unknownCommand(_ text: String) -> T {
        T(nb: "Ukjent kommando «\(text)». Bruk: enhet X · type X · pri P1 · status X · tøm",
          en: "Unknown command “\(text)”. Use: unit X · kind X · pri P1 · status X · clear")
    }
    public static let hintCommand = T(nb: "enhet X · type X · pri P1 · status X · tøm · Enter bruk · Esc avbryt",
                                      en: "unit X · kind X · pri P1 · status X · clear · Enter apply · Esc cancel")
    public static let helpCommand = T(nb: "filtrer enhet/type/pri", en: "filter unit/kind/pri")
}
