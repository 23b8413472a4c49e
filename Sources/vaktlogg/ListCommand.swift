import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg list`: open entries of the user's units in triage order.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Vis oppføringer i prioritert rekkefølge (liv og helse først).")

    @Option(name: .customLong("unit"), help: ArgumentHelp("Enhet (gjentas).", valueName: "CODE")) var units: [String] = []
    @Option(name: .customLong("kind"), help: ArgumentHelp("Type (gjentas).", valueName: "KIND")) var kinds: [EntryKind] = []
    @Option(name: .customLong("status"), help: ArgumentHelp("Status (gjentas), eller all. Standard: alle åpne.", valueName: "STATUS")) var statuses: [StatusOption] = []
    @Option(name: .customLong("tier"), help: ArgumentHelp("Nivå 1–4 eller P1–P4 (gjentas).", valueName: "TIER")) var tiers: [Priority] = []
    @Flag(help: "Bare oppføringer med passert frist.") var overdue = false
    @Option(help: ArgumentHelp("Tekst som skal forekomme.", valueName: "TEXT")) var text: String?
    @Option(help: ArgumentHelp("Høyst så mange linjer (standard 500).", valueName: "N")) var limit = 500
    @Flag(help: "Skriv JSON (én liste).") var json = false
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var filter = EntryFilter()
        filter.units = units
        filter.limit = max(1, min(limit, 10_000))
        filter.kinds = kinds
        for s in statuses {
            if let status = LifecycleStatus(code: s.rawValue) { filter.statuses.append(status) } else { filter.includeClosed = true }
        }
        filter.tiers = tiers.map { Priority.allCases.firstIndex(of: $0)! + 1 }
        filter.overdueOnly = overdue
        filter.text = text
        // The reminder matters most when the database is down, so it is given however `list` ends.
        defer { SpoolReminder.remind(Spool(directory: options.spoolDirectory), language: language) }
        let now = Date()
        let entries = try StoreCommand.run(options) { try EntryRepository(connection: $0).list(filter, now: now) }
        if json {
            print(JSONText.encode(entries.map { EntryJSON.summary($0, now: now) }))
        } else if entries.isEmpty {
            print(EntryText.noEntries(language))
        } else {
            for e in entries { print(EntryLine.format(e, now: now, language: language)) }
        }
    }
}

/// One line of `list`: priority, reference, kind/category, status, time, deadline, text.
enum EntryLine {
    static func format(_ e: EntrySummary, now: Date, language: Language) -> String {
        let overdue = e.isOverdue(at: now) ? " " + EntryText.overdue(language) : ""
        let due = e.nextDue.map { " " + EntryText.due(OsloTime.format($0))(language) } ?? ""
        let first = e.text.split(separator: "\n").first.map(String.init) ?? ""
        let short = first.count > 60 ? String(first.prefix(59)) + "…" : first
        let status = e.status.label(language)
        return "\(e.priority.rawValue) \(e.ref.padding(toLength: max(14, e.ref.count), withPad: " ", startingAt: 0)) \(EntryCategory.label(kind: e.kind, code: e.category)(language)) · \(status) · \(OsloTime.format(e.occurredAt))\(due)\(overdue) · \(short)"
    }
}

/// The stable JSON shapes of `list --json` and `show --json`.
enum EntryJSON {
    static func summary(_ e: EntrySummary, now: Date) -> [String: Any] {
        var o: [String: Any] = [
            "id": e.id, "ref": e.ref, "unit": e.unit, "kind": e.kind.rawValue, "category": e.category,
            "priority": e.priority.rawValue, "risk_score": e.riskScore, "status": e.status.code,
            "occurred_at": OsloTime.rfc3339(e.occurredAt), "reported_at": OsloTime.rfc3339(e.reportedAt),
            "overdue": e.isOverdue(at: now), "text": e.text, "amendments": e.amendmentCount,
        ]
        o["assignee"] = e.assignee ?? NSNull()
        o["next_due"] = e.nextDue.map(OsloTime.rfc3339) ?? NSNull()
        return o
    }
}
