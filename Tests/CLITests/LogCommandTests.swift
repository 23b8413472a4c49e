import Foundation
import Testing

/// `vaktlogg log …` end to end: each kind's happy path, every bad field with its exact message and
/// exit status and nothing written, and text stored byte for byte.
@Suite struct LogCommandTests {
    static let base = ["--category", "fire", "--text", "Brann i celle 4", "--probability", "3", "--consequence", "4"]

    @Test func eachKindIsLoggedWithItsJudgement() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])

        let incident = try w.run(officer, ["log", "incident", "--category", "violence_staff", "--text", "Slag mot betjent",
                                           "--probability", "3", "--consequence", "4", "--person", "inmate:INM-1001"])
        #expect(incident.exitCode == 0, "\(incident)")
        #expect(incident.stdoutLines.first == "Registrert OSLO-1 · P1 · risiko 12 (høy)")
        #expect(incident.stdoutLines.dropFirst().first?.hasPrefix("  ! P1: må kvitteres innen ") == true)

        let deviation = try w.run(officer, ["log", "deviation", "--category", "door_lock", "--text", "Dør stod åpen",
                                            "--probability", "2", "--consequence", "3"])
        #expect(deviation.exitCode == 0, "\(deviation)")
        #expect(deviation.stdoutLines.first == "Registrert OSLO-2 · P2 · risiko 6 (moderat)")
        #expect(deviation.stdoutLines.dropFirst().first?.hasPrefix("  ! avviket kvitteres innen ") == true)

        let manipulation = try w.run(officer, ["log", "manipulation", "--category", "gifts_favours", "--text", "Tilbud om gave",
                                               "--probability", "2", "--consequence", "2", "--target", "self", "--enable-working-hours"])
        #expect(manipulation.exitCode == 0, "\(manipulation)")
        #expect(manipulation.stdoutLines.first == "Registrert OSLO-3 · P2 · risiko 4 (lav)")

        let threat = try w.run(officer, ["log", "threat", "--category", "escape_plan", "--text", "Rømningsplan",
                                         "--probability", "3", "--consequence", "5", "--source", "inmate",
                                         "--reliability", "b", "--credibility", "2", "--criterion", "1", "--criterion", "3"])
        #expect(threat.exitCode == 0, "\(threat)")
        #expect(threat.stdoutLines.first == "Registrert OSLO-4 · P1 · risiko 15 (høy)")
        #expect(threat.stdout.contains("  ! trusselvurdering innen "))

        let rows = try w.sql("""
            SELECT ref || '|' || kind || '|' || category || '|' || priority || '|' || risk_score || '|' || reporter || '|'
                   || coalesce(target, '-') || '|' || coalesce(in_working_hours::text, '-') || '|' || coalesce(threat_source, '-')
                   || '|' || coalesce(source_reliability, '-') || '|' || coalesce(info_credibility::text, '-') || '|'
                   || coalesce(oc_criteria::text, '-')
              FROM entries ORDER BY id
            """).split(separator: "\n").map(String.init)
        #expect(rows == [
            "OSLO-1|incident|violence_staff|P1|12|\(officer)|-|-|-|-|-|-",
            "OSLO-2|deviation|door_lock|P2|6|\(officer)|-|-|-|-|-|-",
            "OSLO-3|manipulation|gifts_favours|P2|4|\(officer)|self|true|-|-|-|-",
            "OSLO-4|threat|escape_plan|P1|15|\(officer)|-|-|inmate|B|2|{1,3}",
        ])
        #expect(try w.sql("SELECT person_ref || ':' || role FROM entry_persons") == "INM-1001:inmate")
        #expect(try w.count("entry_state", where: "status = 'registered'") == 4)
        // The stored trace and rule-set version come with every entry.
        #expect(try w.count("entries", where: "rules_version = 'ksf-2006.2' AND jsonb_array_length(trace) > 0") == 4)
        #expect(try w.chainIntact("OSLO"))
    }

    @Test func jsonOnStandardInputAnswersJSON() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let input = #"{"kind":"incident","category":"damage","text":"Knust vindu","probability":5,"consequence":5,"persons":[{"role":"inmate","ref":"INM-7"}]}"#
        let r = try w.run(officer, ["log", "incident", "--input", "-", "--json"], stdin: input)
        #expect(r.exitCode == 0, "\(r)")
        let j = JSON.object(r.stdout)
        #expect(j["ref"] as? String == "OSLO-1")
        #expect(j["priority"] as? String == "P4")
        #expect(j["risk_score"] as? Int == 25)
        #expect(j["band"] as? String == "critical")
        #expect(j["unit"] as? String == "OSLO")
        #expect(j["interests"] as? [String] == ["order"])
        #expect(j["already_stored"] as? Bool == false)
        #expect(j["rules_version"] as? String == "ksf-2006.2")
        #expect(Set(j.keys) == ["actions", "already_stored", "band", "id", "interests", "priority", "ref", "risk_score",
                                "rules_version", "unit"])

        // The same draft with an idempotency key is stored once, however often it is sent.
        let keyed = #"{"kind":"deviation","category":"hse","text":"Glatt gulv","probability":2,"consequence":2,"idempotency_key":"1b4e28ba-2fa1-11d2-883f-0016d3cca427"}"#
        let first = try w.run(officer, ["log", "deviation", "--input", "-", "--json"], stdin: keyed)
        let again = try w.run(officer, ["log", "deviation", "--input", "-", "--json"], stdin: keyed)
        #expect(JSON.object(first.stdout)["ref"] as? String == "OSLO-2")
        #expect(JSON.object(first.stdout)["priority"] as? String == "P1", "hse threatens life and health")
        #expect(JSON.object(again.stdout)["ref"] as? String == "OSLO-2")
        #expect(JSON.object(again.stdout)["already_stored"] as? Bool == true)
        #expect(try w.count("entries") == 2)
        #expect(try w.sql("SELECT domain FROM entries WHERE ref = 'OSLO-2'") == "hse")

        // The next entry takes the next number: a repeated delivery leaves no gap and no broken chain.
        #expect(try w.log(officer, "incident", Self.base) == "OSLO-3")
        #expect(try w.chainIntact("OSLO"))
    }

    /// One bad field at a time; each refused with its exact message and status, nothing written.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let args: [String]
        let stdin: String
        let exitCode: Int32
        let stderr: String
        var testDescription: String { name }

        init(_ name: String, _ args: [String], stdin: String = "", exit: Int32 = 65, _ stderr: String) {
            self.name = name
            self.args = args
            self.stdin = stdin
            self.exitCode = exit
            self.stderr = stderr
        }
    }

    static func incident(replacing flag: String, with value: String) -> [String] {
        var args = ["log", "incident"] + base
        if let i = args.firstIndex(of: flag) { args[i + 1] = value } else { args += [flag, value] }
        return args
    }

    /// Stands for "ten minutes from now", filled in when the test runs — not when the test plan is
    /// built, which may be long before.
    static let tenMinutesAhead = "@TEN_MINUTES_AHEAD@"

    /// `args` with the time placeholders filled in now.
    static func resolved(_ args: [String]) -> [String] {
        args.map { $0 == tenMinutesAhead ? rfc3339(Date().addingTimeInterval(600)) : $0 }
    }

    static let badInputs: [BadInput] = [
        BadInput("unknown category", incident(replacing: "--category", with: "vold"),
                 "vaktlogg: category: ukjent kategori «vold» for incident; tillatt: violence_staff, violence_inmate, threat_staff, self_harm, death, overdose, escape, abscond, leave_breach, transport, contraband_drugs, contraband_phone, contraband_weapon, fire, hostage, unrest, damage, infection, drone_throwover, infosec_breach, threat_staff_family, ban_breach, community_sentence_breach, electronic_monitoring_breach, threat_at_office, home_visit_incident, other\n"),
        BadInput("time beyond the 5-minute tolerance", incident(replacing: "--occurred", with: tenMinutesAhead),
                 "vaktlogg: occurred_at: tidspunktet ligger i fremtiden\n"),
        BadInput("unreadable time", incident(replacing: "--occurred", with: "i går kveld"),
                 "vaktlogg: occurred: ukjent tidsformat «i går kveld»; bruk 14:05, '2026-11-23 14:05' eller RFC 3339\n"),
        BadInput("probability 7", incident(replacing: "--probability", with: "7"),
                 "vaktlogg: probability: må være 1–5 (fikk 7)\n"),
        BadInput("consequence 0", incident(replacing: "--consequence", with: "0"),
                 "vaktlogg: consequence: må være 1–5 (fikk 0)\n"),
        BadInput("unknown unit", incident(replacing: "--unit", with: "NOPE"),
                 "vaktlogg: unit: ukjent enhet NOPE\n"),
        BadInput("malformed unit code", incident(replacing: "--unit", with: "o"),
                 "vaktlogg: unit: ugyldig enhetskode «o»; tillatt: 2–12 tegn, A–Z og 0–9, som begynner med en bokstav (f.eks. OSLO, BERGEN2)\n"),
        BadInput("another unit", incident(replacing: "--unit", with: "ILA"), exit: 77,
                 "vaktlogg: unit: du (duty_officer) kan ikke føre oppføringer for enhet ILA\n"),
        BadInput("empty text", incident(replacing: "--text", with: "  \n "),
                 "vaktlogg: text: teksten kan ikke være tom\n"),
        BadInput("text over 20000 characters", incident(replacing: "--text", with: String(repeating: "å", count: 20_001)),
                 "vaktlogg: text: teksten er for lang (høyst 20000 tegn)\n"),
        BadInput("unknown domain", incident(replacing: "--domain", with: "kitchen"), exit: 64,
                 "Error: The value 'kitchen' is invalid for '--domain <DOMAIN>'. Please provide one of 'correctional_security', 'hse' or 'infosec'.\n"),
        BadInput("person by name", incident(replacing: "--person", with: "inmate:Ola Nordmann"),
                 "vaktlogg: persons[0].ref: personer oppgis med saksnummer (store bokstaver, sifre og bindestrek, 3–32 tegn), aldri navn eller fødselsnummer\n"),
        BadInput("person by national ID", incident(replacing: "--person", with: "inmate:01019912345"),
                 "vaktlogg: persons[0].ref: personer oppgis med saksnummer (store bokstaver, sifre og bindestrek, 3–32 tegn), aldri navn eller fødselsnummer\n"),
        BadInput("person without role", incident(replacing: "--person", with: "INM-1"),
                 "vaktlogg: person[0]: skrives ROLLE:SAKSNUMMER; roller: inmate, convict, remand, staff, relative, visitor, external\n"),
        BadInput("unknown interest", incident(replacing: "--interest", with: "money"), exit: 64,
                 "Error: The value 'money' is invalid for '--interest <CODE>'. Please provide one of 'life_health', 'public_safety', 'security', 'rehabilitation' or 'order'.\n"),
        BadInput("other without an interest", incident(replacing: "--category", with: "other"),
                 "vaktlogg: interests: kategori «other» krever minst én truet interesse; tillatt: life_health, public_safety, security, rehabilitation, order\n"),
        BadInput("manipulation field on an incident", incident(replacing: "--target", with: "self"),
                 "vaktlogg: target: gjelder bare manipulasjonsrapporter\n"),
        BadInput("manipulation without target",
                 ["log", "manipulation", "--category", "gifts_favours", "--text", "x", "--probability", "1", "--consequence", "1",
                  "--disable-working-hours"],
                 "vaktlogg: target: mangler; tillatt: self, colleague, family\n"),
        BadInput("threat without source",
                 ["log", "threat", "--category", "cyber", "--text", "x", "--probability", "1", "--consequence", "1"],
                 "vaktlogg: source: mangler; tillatt: own_observation, inmate, staff, police_infoflyt, other_agency, technical\n"),
        BadInput("threat criterion 12",
                 ["log", "threat", "--category", "cyber", "--text", "x", "--probability", "1", "--consequence", "1",
                  "--source", "staff", "--criterion", "12"],
                 "vaktlogg: organised_crime_criteria: kriteriene er 1–11 (fikk 12)\n"),
        BadInput("credibility 7",
                 ["log", "threat", "--category", "cyber", "--text", "x", "--probability", "1", "--consequence", "1",
                  "--source", "staff", "--credibility", "7"], exit: 64,
                 "Error: The value '7' is invalid for '--credibility <1-6>'. Please provide one of the following:\n  - 1\n  - 2\n  - 3\n  - 4\n  - 5\n  - 6\n"),
        BadInput("English on request", incident(replacing: "--probability", with: "7") + ["--lang", "en"],
                 "vaktlogg: probability: must be 1–5 (got 7)\n"),
        BadInput("English: another unit", incident(replacing: "--unit", with: "ILA") + ["--lang", "en"], exit: 77,
                 "vaktlogg: unit: you (duty_officer) may not log entries for unit ILA\n"),
        BadInput("JSON: unknown field", ["log", "incident", "--input", "-", "--json"],
                 stdin: #"{"kind":"incident","category":"fire","text":"x","probability":1,"consequence":1,"colour":"red"}"#,
                 "vaktlogg: colour: ukjent felt; tillatt: category, consequence, domain, idempotency_key, in_working_hours, infoflyt, information_credibility, interests, kind, occurred_at, organised_crime_criteria, persons, probability, reported_at, source, source_ref, source_reliability, target, text, unit\n"),
        BadInput("JSON: kind differs from the command", ["log", "deviation", "--input", "-", "--json"],
                 stdin: #"{"kind":"incident","category":"fire","text":"x","probability":1,"consequence":1}"#,
                 "vaktlogg: kind: JSON sier incident, kommandoen deviation\n"),
        BadInput("JSON: probability 7", ["log", "incident", "--input", "-", "--json"],
                 stdin: #"{"kind":"incident","category":"fire","text":"x","probability":7,"consequence":1}"#,
                 "vaktlogg: probability: må være 1–5 (fikk 7)\n"),
        BadInput("JSON: NUL in the text", ["log", "incident", "--input", "-", "--json"],
                 stdin: #"{"kind":"incident","category":"fire","text":"før\u0000etter","probability":1,"consequence":1}"#,
                 "vaktlogg: text: teksten kan ikke inneholde NUL-tegn (\\u0000)\n"),
        BadInput("JSON: a field given twice", ["log", "incident", "--input", "-", "--json"],
                 stdin: #"{"kind":"incident","category":"fire","text":"x","text":"y","probability":1,"consequence":1}"#,
                 "vaktlogg: text: feltet er oppgitt mer enn én gang\n"),
        BadInput("JSON: not JSON", ["log", "incident", "--input", "-", "--json"], stdin: "kind=incident",
                 "vaktlogg: ugyldig JSON\n"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedAndNothingWritten(_ bad: BadInput) throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let before = try w.rowCounts()
        let r = try w.run(officer, Self.resolved(bad.args), stdin: bad.stdin)
        #expect(r.exitCode == bad.exitCode, "\(r)")
        if bad.exitCode == 64 {
            // A usage error: ArgumentParser's first line names the option and every allowed value; usage follows.
            #expect(r.stderr.hasPrefix(bad.stderr), "\(r)")
        } else {
            #expect(r.stderr == bad.stderr)
        }
        #expect(r.stdout == "")
        #expect(try w.rowCounts() == before)
        #expect(try w.count("entries") == 0)
        #expect(w.spooled().isEmpty, "bad data is refused, never spooled")
    }

    @Test func timesWithinTheToleranceAndBareClockTimesAreAccepted() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        // Three minutes ahead is within the 5-minute tolerance for clock skew.
        #expect(try w.log(officer, "incident", Self.incident(replacing: "--occurred", with: rfc3339(Date().addingTimeInterval(180))).dropFirst(2).map { $0 }) == "OSLO-1")
        // A bare HH:MM two hours ahead is yesterday's (a night shift logging after midnight).
        var oslo = Calendar(identifier: .gregorian)
        oslo.timeZone = TimeZone(identifier: "Europe/Oslo")!
        let ahead = Date().addingTimeInterval(2 * 3600)
        let hhmm = String(format: "%02d:%02d", oslo.component(.hour, from: ahead), oslo.component(.minute, from: ahead))
        #expect(try w.log(officer, "incident", Self.incident(replacing: "--occurred", with: hhmm).dropFirst(2).map { $0 }) == "OSLO-2")
        // The same wall-clock time on the Oslo calendar day before: compared as Oslo date and time,
        // not as a count of hours, which is 21 or 23 on the nights the clocks change.
        let dayBefore = try #require(oslo.date(byAdding: .day, value: -1, to: ahead))
        let expected = String(format: "%04d-%02d-%02d %@", oslo.component(.year, from: dayBefore),
                              oslo.component(.month, from: dayBefore), oslo.component(.day, from: dayBefore), hhmm)
        #expect(try w.sql("SELECT to_char(occurred_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI') FROM entries WHERE ref = 'OSLO-2'")
                == expected)
    }

    /// Injection attempts, Norwegian letters, emoji and a line break are stored and shown verbatim.
    @Test(arguments: [false, true])
    func textIsStoredVerbatim(viaJSON: Bool) throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let text = "Robert'); DROP TABLE entries;-- $1 %_ \\x00 \"q\" ' OR '1'='1\nÆØÅ æøå — 🚨👮🏽\u{200D}♀️ \u{202E}rtl"
        let r: VaktloggBinary.Result
        if viaJSON {
            r = try w.run(officer, ["log", "incident", "--input", "-", "--json"],
                          stdin: JSON.text(["kind": "incident", "category": "fire", "text": text, "probability": 2, "consequence": 2]))
        } else {
            r = try w.run(officer, ["log", "incident", "--category", "fire", "--text", text, "--probability", "2", "--consequence", "2"])
        }
        #expect(r.exitCode == 0, "\(r)")
        #expect(try w.count("entries") == 1)
        let expectedHex = Data(text.utf8).map { String(format: "%02x", $0) }.joined()
        #expect(try w.sql("SELECT encode(convert_to(text, 'UTF8'), 'hex') FROM entries") == expectedHex)
        #expect(try w.sql("SELECT encode(convert_to(text, 'UTF8'), 'hex') FROM entry_state") == expectedHex)
        let show = try w.run(officer, ["show", "OSLO-1", "--json"])
        #expect(show.exitCode == 0, "\(show)")
        let j = JSON.object(show.stdout)
        #expect(j["text"] as? String == text)
        #expect((j["original"] as? [String: Any])?["text"] as? String == text)
        // The text filter is a literal substring: quotes and LIKE wildcards match themselves only.
        let found = try w.run(officer, ["list", "--json", "--text", "DROP TABLE entries;-- $1 %_"])
        #expect(JSON.array(found.stdout).map { $0["ref"] as? String } == ["OSLO-1"])
        let none = try w.run(officer, ["list", "--json", "--text", "%ø%"])
        #expect(none.exitCode == 0, "\(none)")
        #expect(JSON.parsedArray(none.stdout)?.isEmpty == true, "an empty list, not a failed command: \(none)")
        #expect(try w.sql("SELECT to_regclass('public.entries') IS NOT NULL") == "t")
    }

    @Test func aRepeatedPersonIsRecordedOnceAndTheChainHolds() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let ref = try w.log(officer, "incident", Self.base + ["--person", "inmate:INM-5", "--person", "inmate:INM-5",
                                                             "--person", "visitor:INM-5"])
        #expect(ref == "OSLO-1")
        #expect(try w.sql("SELECT string_agg(person_ref || ':' || role, ',' ORDER BY id) FROM entry_persons") == "INM-5:inmate,INM-5:visitor")
        #expect(try w.chainIntact("OSLO"))
    }
}
