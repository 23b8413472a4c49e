import Foundation
import Testing

/// `list` (triage order, filters, JSON), `show` and `amend` end to end.
@Suite struct ListShowCommandTests {
    static func refs(_ r: VaktloggBinary.Result) -> [String] {
        JSON.array(r.stdout).compactMap { $0["ref"] as? String }
    }

    /// A P1 entry is listed above a P4 entry whatever the risk: the tier decides first, then risk,
    /// then age.
    @Test func triageOrderPutsTheHighestTierFirst() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let p4 = try w.log(officer, "incident", ["--category", "damage", "--text", "Knust vindu", "--probability", "5", "--consequence", "5"])
        let p1 = try w.log(officer, "incident", ["--category", "self_harm", "--text", "Riper i arm", "--probability", "1", "--consequence", "1"])
        let p2High = try w.log(officer, "incident", ["--category", "contraband_phone", "--text", "Telefon funnet", "--probability", "4", "--consequence", "4"])
        let p2Low = try w.log(officer, "deviation", ["--category", "door_lock", "--text", "Dør", "--probability", "1", "--consequence", "2"])
        let p1Old = try w.run(officer, ["log", "incident", "--input", "-", "--json"], stdin: JSON.text([
            "kind": "incident", "category": "overdose", "text": "Overdose", "probability": 1, "consequence": 1,
            "occurred_at": rfc3339(Date().addingTimeInterval(-3600)), "reported_at": rfc3339(Date().addingTimeInterval(-3000)),
        ]))
        let p1OldRef = JSON.object(p1Old.stdout)["ref"] as? String ?? "?"

        let r = try w.run(officer, ["list", "--json"])
        #expect(r.exitCode == 0, "\(r)")
        #expect(Self.refs(r) == [p1OldRef, p1, p2High, p2Low, p4])
        let human = try w.run(officer, ["list"])
        #expect(human.stdoutLines.map { String($0.prefix(2)) } == ["P1", "P1", "P2", "P2", "P4"])
        #expect(human.stdoutLines.last?.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
                    .hasPrefix("P4 \(p4) skadeverk · registrert · ") == true, "\(human)")
        #expect(human.stdoutLines.first?.contains(" FORFALT · Overdose") == true, "the old P1 is past its 5-minute acknowledgement: \(human)")

        let j = JSON.array(r.stdout)
        #expect(Set(j.first?.keys.map { $0 } ?? []) == ["amendments", "assignee", "category", "id", "kind", "next_due", "occurred_at",
                                                        "overdue", "priority", "ref", "reported_at", "risk_score", "status", "text", "unit"])
        #expect(j.last?["risk_score"] as? Int == 25)
        #expect(j.last?["next_due"] is NSNull)
        #expect(j.first?["overdue"] as? Bool == true)
    }

    @Test func filters() throws {
        let w = try CLIWorld()
        let both = try w.user("ola", "duty_officer", ["OSLO", "ILA"])
        let ilaOnly = try w.user("ida", "duty_officer", ["ILA"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let fire = try w.log(both, "incident", ["--category", "fire", "--text", "Brann på verksted", "--probability", "2", "--consequence", "3"])
        let door = try w.log(both, "deviation", ["--category", "door_lock", "--text", "Dør åpen", "--probability", "2", "--consequence", "2"])
        let ila = try w.log(both, "incident", ["--category", "damage", "--text", "Hærverk BRANN-alarm", "--probability", "1", "--consequence", "1", "--unit", "ILA"])
        let old = try w.run(both, ["log", "deviation", "--input", "-", "--json"], stdin: JSON.text([
            "kind": "deviation", "category": "key_control", "text": "Nøkkel borte", "probability": 1, "consequence": 1,
            "occurred_at": rfc3339(Date().addingTimeInterval(-3 * 86400)), "reported_at": rfc3339(Date().addingTimeInterval(-3 * 86400)),
        ]))
        let overdue = JSON.object(old.stdout)["ref"] as? String ?? "?"
        #expect([fire, door, ila, overdue] == ["OSLO-1", "OSLO-2", "ILA-1", "OSLO-3"])
        #expect(try w.run(coordinator, ["ack", door]).exitCode == 0)
        #expect(try w.run(both, ["close", ila]).exitCode == 0)

        func list(_ args: [String], as user: String? = nil) throws -> [String] {
            let r = try w.run(user ?? both, ["list", "--json"] + args)
            #expect(r.exitCode == 0, "\(args): \(r)")
            return Self.refs(r)
        }
        #expect(try list([]) == [fire, door, overdue], "closed entries are hidden by default")
        #expect(try list(["--status", "all"]) == [fire, door, overdue, ila])
        #expect(try list(["--unit", "ILA", "--status", "all"]) == [ila])
        #expect(try list(["--unit", "ILA"]) == [])
        #expect(try list(["--unit", "OSLO", "--unit", "ILA", "--status", "closed"]) == [ila])
        #expect(try list(["--kind", "deviation"]) == [door, overdue])
        #expect(try list(["--kind", "incident", "--status", "all"]) == [fire, ila])
        #expect(try list(["--status", "acknowledged"]) == [door])
        #expect(try list(["--status", "registered", "--status", "acknowledged"]) == [fire, door, overdue])
        #expect(try list(["--tier", "P1"]) == [fire])
        #expect(try list(["--tier", "2"]) == [door, overdue])
        #expect(try list(["--tier", "1", "--tier", "p2"]) == [fire, door, overdue])
        #expect(try list(["--overdue"]) == [overdue])
        #expect(try list(["--text", "brann", "--status", "all"]) == [fire, ila], "case-insensitive substring")
        #expect(try list(["--text", "BRANN-ALARM", "--status", "all"]) == [ila])
        #expect(try list(["--status", "all"], as: ilaOnly) == [ila], "row-level security: only the user's units")
        #expect(try list(["--unit", "OSLO", "--status", "all"], as: ilaOnly) == [])

        let none = try w.run(both, ["list", "--kind", "incident", "--unit", "ILA"])
        #expect(none.stdout == "Ingen oppføringer.\n")
        let bad: [([String], String)] = [
            (["--kind", "accident"], "Error: The value 'accident' is invalid for '--kind <KIND>'. Please provide one of 'incident', 'deviation', 'manipulation' or 'threat'.\n"),
            (["--status", "open"], "Error: The value 'open' is invalid for '--status <STATUS>'. Please provide one of the following:\n  - all\n  - registered\n  - acknowledged\n  - under_treatment\n  - measure_decided\n  - assessed\n  - closed\n"),
            (["--tier", "P5"], "Error: The value 'P5' is invalid for '--tier <TIER>'. Please provide one of 'P1', 'P2', 'P3' or 'P4'.\n"),
        ]
        for (args, message) in bad {
            let r = try w.run(both, ["list"] + args)
            #expect(r.exitCode == 64, "\(args): \(r)")
            #expect(r.stderr.hasPrefix(message), "\(r)")
        }
        // Tiers are accepted as 1–4 and P1–P4 alike.
        #expect(try list(["--tier", "2", "--status", "all"]) == (try list(["--tier", "P2", "--status", "all"])))
    }

    @Test func showJSONCarriesTheWholeRecord() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "threat", ["--category", "organised_crime", "--text", "Innsmugling via besøk", "--probability", "3",
                                                "--consequence", "4", "--source", "staff", "--reliability", "C", "--credibility", "3",
                                                "--criterion", "1", "--criterion", "2", "--criterion", "3", "--criterion", "5",
                                                "--criterion", "6", "--criterion", "7", "--person", "inmate:INM-42", "--domain", "correctional_security"])
        #expect(try w.run(coordinator, ["comment", ref, "--text", "Følges opp"]).exitCode == 0)
        let r = try w.run(coordinator, ["show", ref, "--json"])
        #expect(r.exitCode == 0, "\(r)")
        let j = JSON.object(r.stdout)
        #expect(j["ref"] as? String == ref)
        #expect(j["kind"] as? String == "threat")
        #expect(j["status"] as? String == "registered")
        #expect(j["reporter"] as? String == officer)
        #expect(j["priority"] as? String == "P1")
        #expect(j["interests"] as? [String] == ["public_safety"])
        // Each person with the flags in force on them (none here), read under the same logged read.
        let persons = j["persons"] as? [[String: Any]] ?? []
        #expect(persons.map { "\($0["role"] ?? ""):\($0["ref"] ?? "")" } == ["inmate:INM-42"])
        #expect(persons.first?["flags"] as? [String] == [])
        let attributes = j["attributes"] as? [String: String] ?? [:]
        #expect(attributes["source"] == "staff")
        #expect(attributes["source_reliability"] == "C")
        #expect(attributes["information_credibility"] == "3")
        #expect(attributes["organised_crime_criteria"] == "1,2,3,5,6,7")
        #expect(Set((j["deadlines"] as? [String: String] ?? [:]).keys).isSuperset(of: ["ack_due", "assessment_due"]))
        let history = j["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["what"] as? String } == ["comment"])
        #expect(history.first?["text"] as? String == "Følges opp")
        #expect(j["rules_version"] as? String == "ksf-2006.2")
        #expect((j["trace"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "organised_crime" })
        #expect((j["row_hash"] as? String)?.count == 64)
        #expect(try w.sql("SELECT encode(row_hash, 'hex') FROM entries") == j["row_hash"] as? String)
        // Reading the persons is logged.
        #expect(try w.count("access_log", where: "action = 'read_persons' AND actor = '\(coordinator)'") == 1)

        let human = try w.run(coordinator, ["show", ref])
        #expect(human.stdoutLines.first == "\(ref) · P1 · trusselhendelse: organisert kriminalitet · registrert")
        #expect(human.stdout.contains("Personer: innsatt INM-42"))
        #expect(human.stdout.contains("Område: straffegjennomføringssikkerhet"))
        // The human read of the persons is logged too: one more row, for this entry and this reader.
        #expect(human.exitCode == 0, "\(human)")
        #expect(try w.count("access_log", where: "action = 'read_persons' AND actor = '\(coordinator)'") == 2)
        #expect(try w.count("access_log", where: "action = 'read_persons' AND entry_id = (SELECT id FROM entries WHERE ref = '\(ref)')") == 2)
        #expect(human.stdout.contains("Organisert kriminalitet: 6 kjennetegn"))
    }

    @Test func amendKeepsTheOriginalAndShowsBoth() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let ref = try w.log(officer, "incident", ["--category", "damage", "--text", "Knust vindu i celle 12", "--probability", "2", "--consequence", "2"])
        #expect(try w.sql("SELECT priority FROM entry_state") == "P4")

        let r = try w.run(officer, ["amend", ref, "--reason", "Innsatte skadet seg på glasset", "--text", "Knust vindu i celle 12, innsatt kuttet",
                                    "--interest", "life_health", "--consequence", "4"])
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdout == "\(ref): rettelse registrert · P1 · risiko 8\n")
        // The original row is untouched; the projection shows the corrected values.
        #expect(try w.sql("SELECT text || '|' || priority || '|' || consequence FROM entries") == "Knust vindu i celle 12|P4|2")
        #expect(try w.sql("SELECT text || '|' || priority || '|' || risk_score || '|' || amendment_count FROM entry_state")
                == "Knust vindu i celle 12, innsatt kuttet|P1|8|1")
        #expect(try w.sql("SELECT reason || '|' || (changes ->> 'consequence') || '|' || priority FROM amendments")
                == "Innsatte skadet seg på glasset|4|P1")

        let j = JSON.object(try w.run(officer, ["show", ref, "--json"]).stdout)
        #expect((j["original"] as? [String: Any])?["text"] as? String == "Knust vindu i celle 12")
        #expect(j["text"] as? String == "Knust vindu i celle 12, innsatt kuttet")
        #expect(j["amendments"] as? Int == 1)
        #expect(j["priority"] as? String == "P1")
        let history = j["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["what"] as? String } == ["amendment"])
        #expect(history.first?["text"] as? String == "Innsatte skadet seg på glasset")
        #expect(history.first?["actor"] as? String == officer)

        let human = try w.run(officer, ["show", ref]).stdout
        #expect(human.contains("Opprinnelig tekst:\n  Knust vindu i celle 12\n"))
        #expect(human.contains("Gjeldende tekst (etter 1 rettelse(r)):\n  Knust vindu i celle 12, innsatt kuttet\n"))
        #expect(human.contains("  \(officer)  rettelse: Innsatte skadet seg på glasset"))

        let before = try w.rowCounts()
        let refusals: [([String], String)] = [
            (["amend", ref, "--reason", " ", "--text", "x"], "vaktlogg: reason: en rettelse krever begrunnelse (--reason)\n"),
            (["amend", ref, "--reason", "x"], "vaktlogg: changes: ingen endringer oppgitt\n"),
            (["amend", ref, "--reason", "x", "--probability", "9"], "vaktlogg: probability: må være 1–5 (fikk 9)\n"),
            (["amend", ref, "--reason", "x", "--category", "vold"],
             "vaktlogg: category: ukjent kategori «vold»; tillatt: violence_staff, violence_inmate, threat_staff, self_harm, death, overdose, escape, abscond, leave_breach, transport, contraband_drugs, contraband_phone, contraband_weapon, fire, hostage, unrest, damage, infection, drone_throwover, infosec_breach, threat_staff_family, ban_breach, community_sentence_breach, electronic_monitoring_breach, threat_at_office, home_visit_incident, other\n"),
            (["amend", ref, "--reason", "x", "--consequence", "4"], "vaktlogg: changes: endringene er de samme som gjeldende verdier\n"),
        ]
        for (args, message) in refusals {
            let r = try w.run(officer, args)
            #expect(r.exitCode == 65, "\(args): \(r)")
            #expect(r.stderr == message, "\(args)")
        }
        #expect(try w.rowCounts() == before)
        // Only what differs is recorded as a change.
        let partial = try w.run(officer, ["amend", ref, "--reason", "Sannsynlighet justert", "--text", "Knust vindu i celle 12, innsatt kuttet",
                                          "--probability", "3"])
        #expect(partial.stdout == "\(ref): rettelse registrert · P1 · risiko 12\n", "\(partial)")
        #expect(try w.sql("SELECT changes::text FROM amendments ORDER BY id DESC LIMIT 1") == #"{"probability": 3}"#)
        #expect(try w.chainIntact("OSLO"))
    }
}
