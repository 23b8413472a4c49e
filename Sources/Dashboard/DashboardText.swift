import Foundation
public import VaktloggCore
import Store
import VaktloggText

/// Every user-facing text of the dashboard, bokmål and English, in one place so it moves into the
/// text catalogue (VaktloggText, issue 9) in one step. Status and role names repeat the CLI's
/// (`StatusText`) until the catalogue gives one source for both.
public enum DashboardText {
    typealias T = LocalizedText

    // MARK: Status bar
    static let appName = T(nb: "Vaktlogg", en: "Vaktlogg")
    static let connected = T(nb: "tilkoblet", en: "connected")
    static func stale(lastRead: String?) -> T {
        guard let lastRead else { return T(nb: "FORELDET · aldri lest", en: "STALE · never read") }
        return T(nb: "FORELDET · sist lest \(lastRead)", en: "STALE · last read \(lastRead)")
    }
    static let allUnits = T(nb: "alle enheter", en: "all units")

    // MARK: Queue
    static func queueTitle(count: Int, total: Int) -> T {
        count == total ? T(nb: "Kø · \(count) åpne", en: "Queue · \(count) open")
            : T(nb: "Kø · \(count) av \(total) åpne", en: "Queue · \(count) of \(total) open")
    }
    static func filter(_ text: String) -> T { T(nb: "filter: \(text)", en: "filter: \(text)") }
    static let loading = T(nb: "leser …", en: "reading …")
    static let emptyQueue = T(nb: "Ingen åpne oppføringer.", en: "No open entries.")
    static let noMatch = T(nb: "Ingen oppføringer passer filteret.", en: "No entries match the filter.")
    static let overdue = T(nb: "FORFALT", en: "OVERDUE")

    /// Column headings of the queue table.
    enum Column {
        static let priority = T(nb: "Pri", en: "Pri")
        static let age = T(nb: "Alder", en: "Age")
        static let kind = T(nb: "Type", en: "Kind")
        static let category = T(nb: "Kategori", en: "Category")
        static let unit = T(nb: "Enhet", en: "Unit")
        static let status = T(nb: "Status", en: "Status")
        static let assignee = T(nb: "Ansvarlig", en: "Assignee")
        static let due = T(nb: "Neste frist", en: "Next due")
        static let text = T(nb: "Tekst", en: "Text")
    }

    /// Age as `12m`, `5t`/`5h`, `3d`.
    static func age(seconds: Int) -> T {
        let s = max(0, seconds)
        if s < 3600 { return T(nb: "\(s / 60)m", en: "\(s / 60)m") }
        if s < 48 * 3600 { return T(nb: "\(s / 3600)t", en: "\(s / 3600)h") }
        return T(nb: "\(s / 86400)d", en: "\(s / 86400)d")
    }

    // MARK: Detail
    static func detailTitle(_ e: DashboardEntry, language: Language) -> String {
        "\(e.priority.rawValue) · \(e.ref) · \(kind(e.kind)(language)) · \(category(kind: e.kind, code: e.category)(language))"
    }
    enum Field {
        static let unit = T(nb: "Enhet", en: "Unit")
        static let status = T(nb: "Status", en: "Status")
        static let assignee = T(nb: "Ansvarlig", en: "Assignee")
        static let occurred = T(nb: "Hendt", en: "Occurred")
        static let recorded = T(nb: "Registrert", en: "Recorded")
        static let reporter = T(nb: "Melder", en: "Reporter")
        static let domain = T(nb: "Domene", en: "Domain")
        static let interests = T(nb: "Interesser", en: "Interests")
        static let risk = T(nb: "Sannsynlighet × konsekvens", en: "Probability × consequence")
        static let rules = T(nb: "Regelsett", en: "Rule set")
        static let text = T(nb: "Tekst", en: "Text")
        static let deadlines = T(nb: "Frister", en: "Deadlines")
        static let persons = T(nb: "Personer", en: "Persons")
        static let history = T(nb: "Historikk", en: "History")
    }
    static let sealed = T(nb: "(forseglet)", en: "(sealed)")
    static let none = T(nb: "ingen", en: "none")
    static let nobody = T(nb: "–", en: "–")

    // MARK: Hint bar and help
    static let hintQueue = T(nb: "↑↓ jk flytt · Enter åpne · / filter · Tab detalj · ? hjelp · q avslutt",
                             en: "↑↓ jk move · Enter open · / filter · Tab detail · ? help · q quit")
    static let hintFilter = T(nb: "skriv for å filtrere · Enter behold · Esc tøm",
                              en: "type to filter · Enter keep · Esc clear")
    static let hintDetail = T(nb: "↑↓ jk rull · PgUp/PgDn side · Esc tilbake · Tab kø · ? hjelp · q avslutt",
                              en: "↑↓ jk scroll · PgUp/PgDn page · Esc back · Tab queue · ? help · q quit")
    static let hintHelp = T(nb: "? eller Esc lukker hjelpen", en: "? or Esc closes help")
    static let helpTitle = T(nb: "Taster", en: "Keys")
    static let helpLines: [(String, T)] = [
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

    // MARK: Labels
    static func kind(_ kind: EntryKind) -> T {
        switch kind {
        case .incident: T(nb: "hendelse", en: "incident")
        case .deviation: T(nb: "avvik", en: "deviation")
        case .manipulation: T(nb: "manipulasjon", en: "manipulation")
        case .threat: T(nb: "trussel", en: "threat")
        }
    }

    /// The category's label. Until the catalogue's `EntryCategory.label(kind:code:)` lands on main
    /// the code is shown with spaces for underscores.
    static func category(kind: EntryKind, code: String) -> T {
        let shown = code.replacingOccurrences(of: "_", with: " ")
        return T(nb: shown, en: shown)
    }

    static func status(_ code: String) -> T {
        switch code {
        case "registered": T(nb: "registrert", en: "registered")
        case "acknowledged": T(nb: "kvittert", en: "acknowledged")
        case "under_treatment": T(nb: "under behandling", en: "under treatment")
        case "measure_decided": T(nb: "tiltak besluttet", en: "measure decided")
        case "assessed": T(nb: "vurdert", en: "assessed")
        case "closed": T(nb: "lukket", en: "closed")
        default: T(nb: code, en: code)
        }
    }

    /// The role's label from the catalogue.
    static func role(_ code: String) -> T {
        UserRole(rawValue: code)?.label ?? T(nb: code, en: code)
    }
}
