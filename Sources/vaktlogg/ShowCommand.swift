import ArgumentParser
import Foundation
import Store
import VaktloggCore

/// `vaktlogg show REF`: the original, its amendments, the full history and the rule trace in words.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Vis en oppføring med historikk og regelvurdering.")
    @Argument(help: "Referanse, f.eks. OSLO-12.") var ref: String
    @Flag(help: "Skriv JSON.") var json = false
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        let d = try StoreCommand.run(options) { try EntryRepository(connection: $0).detail(ref: ref) }
        print(json ? JSONText.encode(Self.json(d)) : Self.text(d, nb: language == .nb))
    }

    static func text(_ d: EntryDetail, nb: Bool) -> String {
        let s = d.summary
        var out: [String] = []
        out.append("\(s.ref) · \(s.priority.rawValue) · \(s.kind.rawValue)/\(s.category) · \(StatusText.name(s.status.code)(nb ? .nb : .en))")
        out.append((nb ? "Enhet: " : "Unit: ") + s.unit + (s.assignee.map { nb ? " · tildelt \($0)" : " · assigned to \($0)" } ?? ""))
        out.append((nb ? "Skjedde: " : "Occurred: ") + OsloTime.format(s.occurredAt) + (nb ? " · meldt: " : " · reported: ")
                   + OsloTime.format(s.reportedAt) + (nb ? " · lagret: " : " · stored: ") + OsloTime.format(d.recordedAt))
        out.append((nb ? "Meldt av: " : "Reported by: ") + (d.reporter ?? (nb ? "(skjermet)" : "(sealed)")))
        out.append((nb ? "Område: " : "Domain: ") + d.domain.rawValue + " · " + (nb ? "interesser: " : "interests: ")
                   + d.interests.map { TraceWords.interestName($0.rawValue, nb: nb) }.joined(separator: ", "))
        out.append((nb ? "Risiko: " : "Risk: ") + "\(d.probability) × \(d.consequence) = \(d.probability * d.consequence)"
                   + (s.riskScore != d.probability * d.consequence ? (nb ? " (nå \(s.riskScore))" : " (now \(s.riskScore))") : ""))
        for (k, v) in d.attributes { out.append("\(k): \(v)") }
        if !d.persons.isEmpty {
            out.append((nb ? "Personer: " : "Persons: ") + d.persons.map { "\($0.role.rawValue):\($0.ref)" }.joined(separator: ", "))
        }
        out.append("")
        out.append(nb ? "Opprinnelig tekst:" : "Original text:")
        out.append("  " + d.originalText.replacingOccurrences(of: "\n", with: "\n  "))
        if s.amendmentCount > 0 {
            out.append(nb ? "Gjeldende tekst (etter \(s.amendmentCount) rettelse(r)):" : "Current text (after \(s.amendmentCount) amendment(s)):")
            out.append("  " + s.text.replacingOccurrences(of: "\n", with: "\n  "))
        }
        if !d.deadlines.isEmpty {
            out.append("")
            out.append(nb ? "Frister:" : "Deadlines:")
            for (name, due) in d.deadlines {
                let late = due < Date() ? (nb ? " FORFALT" : " OVERDUE") : ""
                out.append("  \(TraceWords.deadlineName(name, nb: nb)): \(OsloTime.format(due))\(late)")
            }
        }
        out.append("")
        out.append(nb ? "Historikk:" : "History:")
        out.append("  \(OsloTime.format(s.reportedAt))  \(d.reporter ?? "—")  " + (nb ? "registrert" : "registered"))
        for h in d.history {
            var line = "  \(OsloTime.format(h.at))  \(h.actor)  \(h.what)"
            if let a = h.assignee { line += " → \(a)" }
            if let t = h.text { line += ": \(t)" }
            if let data = h.data { line += " (" + Self.fields(data, nb: nb) + ")" }
            out.append(line)
        }
        out.append("")
        out.append((nb ? "Regelvurdering (regelsett " : "Rule judgement (rule set ") + d.rulesVersion + "):")
        for line in TraceWords.lines(d.traceJSON, language: nb) { out.append("  • " + line) }
        out.append((nb ? "Kjedehash: " : "Chain hash: ") + d.rowHash)
        return out.joined(separator: "\n")
    }

    /// `key: value, …` of a JSON object, nulls left out, for the history lines.
    static func fields(_ json: String, nb: Bool) -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        return object.keys.sorted().compactMap { key -> String? in
            switch object[key] {
            case nil, is NSNull: return nil
            case let a as [Any]: return "\(key): " + a.map { "\($0)" }.joined(separator: ",")
            case let b as Bool: return "\(key): \(b ? (nb ? "ja" : "yes") : (nb ? "nei" : "no"))"
            case let v?: return "\(key): \(v)"
            }
        }.joined(separator: ", ")
    }

    static func json(_ d: EntryDetail) -> [String: Any] {
        var o = EntryJSON.summary(d.summary, now: Date())
        o["reporter"] = d.reporter ?? NSNull()
        o["recorded_at"] = OsloTime.rfc3339(d.recordedAt)
        o["original"] = ["text": d.originalText, "category": d.originalCategory]
        o["domain"] = d.domain.rawValue
        o["interests"] = d.interests.map(\.rawValue)
        o["persons"] = d.persons.map { ["role": $0.role.rawValue, "ref": $0.ref] }
        o["attributes"] = Dictionary(uniqueKeysWithValues: d.attributes)
        o["deadlines"] = Dictionary(uniqueKeysWithValues: d.deadlines.map { ($0.0, OsloTime.rfc3339($0.1)) })
        o["history"] = d.history.map { h -> [String: Any] in
            ["at": OsloTime.rfc3339(h.at), "actor": h.actor, "what": h.what, "text": h.text ?? NSNull(),
             "assignee": h.assignee ?? NSNull(), "data": h.data ?? NSNull()]
        }
        o["rules_version"] = d.rulesVersion
        o["trace"] = (try? JSONSerialization.jsonObject(with: Data(d.traceJSON.utf8))) ?? []
        o["row_hash"] = d.rowHash
        return o
    }
}
