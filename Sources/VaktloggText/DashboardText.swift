import Foundation
public import VaktloggCore

/// Every user-facing text of the dashboard, bokmål and English. Kind, category, status and role
/// names are the catalogue's labels (``EntryKind``, ``EntryCategory``, ``Status``, ``UserRole``).
public enum DashboardText {
    public typealias T = LocalizedText

    // MARK: Status bar
    public static let appName = T(nb: "Vaktlogg", en: "Vaktlogg")
    public static let connected = T(nb: "tilkoblet", en: "connected")
    public static func stale(lastRead: String?) -> T {
        guard let lastRead else { return T(nb: "FORELDET · aldri lest", en: "STALE · never read") }
        return T(nb: "FORELDET · sist lest \(lastRead)", en: "STALE · last read \(lastRead)")
    }
    public static let allUnits = T(nb: "alle enheter", en: "all units")

    // MARK: Queue
    public static func queueTitle(count: Int, total: Int) -> T {
        count == total ? T(nb: "Kø · \(count) åpne", en: "Queue · \(count) open")
            : T(nb: "Kø · \(count) av \(total) åpne", en: "Queue · \(count) of \(total) open")
    }
    public static func filter(_ text: String) -> T { T(nb: "filter: \(text)", en: "filter: \(text)") }
    public static let loading = T(nb: "leser …", en: "reading …")
    public static let emptyQueue = T(nb: "Ingen åpne oppføringer.", en: "No open entries.")
    public static let noMatch = T(nb: "Ingen oppføringer passer filteret.", en: "No entries match the filter.")
    public static let overdue = T(nb: "FORFALT", en: "OVERDUE")

    /// Column headings of the queue table.
    public enum Column {
        public static let priority = T(nb: "Pri", en: "Pri")
        public static let age = T(nb: "Alder", en: "Age")
        public static let kind = T(nb: "Type", en: "Kind")
        public static let category = T(nb: "Kategori", en: "Category")
        public static let unit = T(nb: "Enhet", en: "Unit")
        public static let status = T(nb: "Status", en: "Status")
        public static let assignee = T(nb: "Ansvarlig", en: "Assignee")
        public static let due = T(nb: "Neste frist", en: "Next due")
        public static let text = T(nb: "Tekst", en: "Text")
    }

    /// Age as `12m`, `5t`/`5h`, `3d`.
    public static func age(seconds: Int) -> T {
        let s = max(0, seconds)
        if s < 3600 { return T(nb: "\(s / 60)m", en: "\(s / 60)m") }
        if s < 48 * 3600 { return T(nb: "\(s / 3600)t", en: "\(s / 3600)h") }
        return T(nb: "\(s / 86400)d", en: "\(s / 86400)d")
    }

    // MARK: Detail
    public static func detailTitle(priority: Priority, ref: String, kind entryKind: EntryKind, category code: String,
                                   language: Language) -> String {
        "\(priority.rawValue) · \(ref) · \(kind(entryKind)(language)) · \(category(kind: entryKind, code: code)(language))"
    }
    public enum Field {
        public static let unit = T(nb: "Enhet", en: "Unit")
        public static let status = T(nb: "Status", en: "Status")
        public static let assignee = T(nb: "Ansvarlig", en: "Assignee")
        public static let occurred = T(nb: "Hendt", en: "Occurred")
        public static let recorded = T(nb: "Registrert", en: "Recorded")
        public static let reporter = T(nb: "Melder", en: "Reporter")
        public static let domain = T(nb: "Domene", en: "Domain")
        public static let interests = T(nb: "Interesser", en: "Interests")
        public static let risk = T(nb: "Sannsynlighet × konsekvens", en: "Probability × consequence")
        public static let rules = T(nb: "Regelsett", en: "Rule set")
        public static let text = T(nb: "Tekst", en: "Text")
        public static let deadlines = T(nb: "Frister", en: "Deadlines")
        public static let persons = T(nb: "Personer", en: "Persons")
        public static let history = T(nb: "Historikk", en: "History")
    }
    public static let sealed = T(nb: "(forseglet)", en: "(sealed)")
    public static let none = T(nb: "ingen", en: "none")
    public static let nobody = T(nb: "–", en: "–")

    // MARK: Hint bar and help
    public static let hintQueue = T(nb: "↑↓ jk flytt · Enter åpne · / filter · Tab detalj · ? hjelp · q avslutt",
                             en: "↑↓ jk move · Enter open · / filter · Tab detail · ? help · q quit")
    public static let hintFilter = T(nb: "skriv for å filtrere · Enter behold · Esc tøm",
                              en: "type to filter · Enter keep · Esc clear")
    public static let hintDetail = T(nb: "↑↓ jk rull · PgUp/PgDn side · Esc tilbake · Tab kø · ? hjelp · q avslutt",
                              en: "↑↓ jk scroll · PgUp/PgDn page · Esc back · Tab queue · ? help · q quit")
    public static let hintHelp = T(nb: "? eller Esc lukker hjelpen", en: "? or Esc closes help")
    public static let helpTitle = T(nb: "Taster", en: "Keys")
    public static let helpLines: [(String, T)] = [
        ("↑ ↓  j k", T(nb: "flytt markering / rull", en: "move selection / scroll")),
        ("PgUp PgDn", T(nb: "en side opp / ned", en: "one page up / down")),
        ("g G", T(nb: "første / siste", en: "first / last")),
        ("Enter", T(nb: "åpne oppføringen", en: "open the entry")),
        ("Esc", T(nb: "tilbake; tømmer filteret", en: "back; clears the filter")),
        ("Tab", T(nb: "bytt mellom kø og detalj", en: "switch between queue and detail")),
        ("/", T(nb: "filtrer på tekst", en: "filter by text")),
        ("?", T(nb: "denne hjelpen", en: "this help")),
        ("q", T(nb: "avslutt", en: "quit")),
    ]

    // MARK: Labels (the catalogue's own, not repeated here)
    /// The kind's label from the catalogue.
    public static func kind(_ kind: EntryKind) -> T { kind.label }

    /// The category's label from the catalogue (an unknown code is shown as it is).
    public static func category(kind: EntryKind, code: String) -> T { EntryCategory.label(kind: kind, code: code) }

    /// The status's label from the catalogue.
    public static func status(_ code: String) -> T { Status.label(code) }

    /// The role's label from the catalogue.
    public static func role(_ code: String) -> T {
        UserRole(rawValue: code)?.label ?? T(nb: code, en: code)
    }
}
