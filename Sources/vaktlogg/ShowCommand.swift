import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Rules
import VaktloggText

/// `vaktlogg show REF`: the original, its amendments, the full history and the rule trace in words.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Vis en oppføring med historikk og regelvurdering.")
    @Argument(help: "Referanse, f.eks. OSLO-12.") var ref: String
    @Flag(help: "Skriv JSON.") var json = false
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        let (d, f) = try StoreCommand.run(options) { c in
            (try EntryRepository(connection: c).detail(ref: ref), try ShowFollowUp.load(c, ref: ref))
        }
        if json {
            return print(JSONText.encode(Self.json(d).merging(["follow_up": f.json()]) { $1 }))
        }
        print(([Self.text(d, language)] + f.lines(language)).joined(separator: "\n"))
    }

    static func text(_ d: EntryDetail, _ l: Language) -> String {
        let s = d.summary
        let E = EntryText.self
        var out: [String] = []
        out.append("\(s.ref) · \(s.priority.rawValue) · \(s.kind.label(l)): \(EntryCategory.label(kind: s.kind, code: s.category)(l)) · \(s.status.label(l))")
        out.append("\(E.unit(l)): \(s.unit)" + (s.assignee.map { " · " + E.assignedTo($0)(l) } ?? ""))
        out.append("\(E.occurred(l)): \(OsloTime.format(s.occurredAt)) · \(E.reported(l)): \(OsloTime.format(s.reportedAt))"
                   + " · \(E.stored(l)): \(OsloTime.format(d.recordedAt))")
        out.append("\(E.reportedBy(l)): " + (d.reporter ?? E.sealed(l)))
        out.append("\(E.domain(l)): \(d.domain.label(l)) · \(E.interests(l)): "
                   + d.interests.map { $0.label(l) }.joined(separator: ", "))
        let product = d.probability * d.consequence
        out.append("\(E.riskHeading(l)): \(d.probability) × \(d.consequence) = \(product)"
                   + (s.riskScore != product ? " " + E.riskNow(s.riskScore)(l) : ""))
        for (k, v) in d.attributes { out.append("\(E.field(k)(l)): \(value(k, v, l))") }
        if !d.persons.isEmpty {
            out.append("\(E.persons(l)): " + d.persons.map { p in
                let flags = d.personFlags[p.ref, default: []].map { $0.label(l) }
                return "\(p.role.label(l)) \(p.ref)" + (flags.isEmpty ? "" : " [" + flags.joined(separator: ", ") + "]")
            }.joined(separator: ", "))
        }
        out.append("")
        out.append(E.originalText(l))
        out.append("  " + d.originalText.replacingOccurrences(of: "\n", with: "\n  "))
        if s.amendmentCount > 0 {
            out.append(E.currentText(after: s.amendmentCount)(l))
            out.append("  " + s.text.replacingOccurrences(of: "\n", with: "\n  "))
        }
        if !d.deadlines.isEmpty {
            out.append("")
            out.append(E.deadlines(l))
            for (name, due) in d.deadlines {
                let late = due < Date() ? " " + E.overdue(l) : ""
                out.append("  \(EventText.deadline(name)(l)): \(OsloTime.format(due))\(late)")
            }
        }
        out.append("")
        out.append(E.history(l))
        out.append("  \(OsloTime.format(s.reportedAt))  \(d.reporter ?? "—")  \(E.registered(l))")
        for h in d.history {
            var line = "  \(OsloTime.format(h.at))  \(h.actor ?? E.sealed(l))  \(EventText.label(h.what)(l))"
            if let a = h.assignee { line += " → \(a)" }
            // A measure without a description is stored with its type as the text: name it.
            if let t = h.text { line += ": " + (h.what == "measure" ? value("type", t, l) : t) }
            if h.what == "escalated", let escalation = h.data.flatMap(Self.escalation) {
                line += ": " + EscalationText.escalation(deadline: escalation.deadline, due: escalation.due)(l)
            } else if let data = h.data { line += " (" + Self.fields(data, l) + ")" }
            out.append(line)
        }
        out.append("")
        out.append(E.ruleJudgement(d.rulesVersion)(l))
        for line in TraceWords.lines(d.trace, language: l) { out.append("  • " + line) }
        out.append("\(E.chainHash(l)): \(d.rowHash ?? E.shownToAuditors(l))")
        return out.joined(separator: "\n")
    }

    static func escalation(_ json: String) -> (deadline: String, due: String)? { HistoryWords.escalation(json) }
    static func fields(_ json: String, _ l: Language) -> String { HistoryWords.fields(json, l) }
    static func value(_ key: String, _ raw: String, _ l: Language) -> String { HistoryWords.value(key, raw, l) }

    static func json(_ d: EntryDetail) -> [String: Any] {
        var o = EntryJSON.summary(d.summary, now: Date())
        o["reporter"] = d.reporter ?? NSNull()
        o["recorded_at"] = OsloTime.rfc3339(d.recordedAt)
        o["original"] = ["text": d.originalText, "category": d.originalCategory]
        o["domain"] = d.domain.rawValue
        o["interests"] = d.interests.map(\.rawValue)
        o["persons"] = d.persons.map { p -> [String: Any] in
            ["role": p.role.rawValue, "ref": p.ref, "flags": d.personFlags[p.ref, default: []].map(\.rawValue)]
        }
        o["attributes"] = Dictionary(uniqueKeysWithValues: d.attributes)
        o["deadlines"] = Dictionary(uniqueKeysWithValues: d.deadlines.map { ($0.0, OsloTime.rfc3339($0.1)) })
        o["history"] = d.history.map { h -> [String: Any] in
            ["at": OsloTime.rfc3339(h.at), "actor": h.actor ?? NSNull(), "what": h.what, "text": h.text ?? NSNull(),
             "assignee": h.assignee ?? NSNull(), "data": h.data ?? NSNull()]
        }
        o["rules_version"] = d.rulesVersion
        o["trace"] = (try? JSONSerialization.jsonObject(with: Data(d.traceJSON.utf8))) ?? []
        o["row_hash"] = d.rowHash ?? NSNull()
        return o
    }
}
