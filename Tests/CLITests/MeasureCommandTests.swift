import Foundation
import Testing

/// `measure`, `decide` and `assess-person` end to end: the rules judge before anything is written;
/// what they reject is never stored and the reason is shown.
@Suite struct MeasureCommandTests {
    struct Setup {
        let w: CLIWorld
        let officer: String
        let coordinator: String
        let ref: String
    }

    static func setup() throws -> Setup {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "incident", ["--category", "violence_inmate", "--text", "Slagsmål på avdeling B",
                                                  "--probability", "4", "--consequence", "4", "--person", "inmate:INM-1"])
        return Setup(w: w, officer: officer, coordinator: coordinator, ref: ref)
    }

    @Test func allowedMeasureIsStoredWithItsTrace() throws {
        let s = try Self.setup()
        let r = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "extra_control", "--purpose", "security",
                                            "--restrictiveness", "1", "--description", "Ekstra runde hver time"])
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdout == "Tiltak 1 registrert på OSLO-1 · tillatt\n")
        #expect(try s.w.sql("""
            SELECT type || '|' || purpose || '|' || restrictiveness || '|' || outcome || '|' || decided_by || '|' || description
                   || '|' || (jsonb_array_length(trace) > 0) FROM measures
            """) == "extra_control|security|1|allowed|\(s.coordinator)|Ekstra runde hver time|true")
        let refused = try s.w.run(s.officer, ["measure", s.ref, "--type", "extra_control", "--purpose", "security", "--restrictiveness", "1"])
        #expect(refused.exitCode == 77)
        #expect(refused.stderr == "vaktlogg: dette gjøres av en sikkerhetsleder\n")
        #expect(try s.w.count("measures") == 1)
    }

    @Test func rejectedMeasureIsNotStoredAndTheReasonIsShown() throws {
        let s = try Self.setup()
        let before = try s.w.rowCounts()
        let strict = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "isolation", "--purpose", "order", "--burden", "life_health",
                                                 "--restrictiveness", "4", "--person", "INM-1", "--justification", "Uro på avdelingen"])
        #expect(strict.exitCode == 65, "\(strict)")
        #expect(strict.stderr == "vaktlogg: measure: tiltaket er avvist og ble ikke lagret — tier1_over_order (strict): purpose_order_burdens_life_health\n")
        let communication = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "communication_restriction", "--purpose", "security",
                                                        "--restrictiveness", "1", "--ground", "practical", "--lang", "en"])
        #expect(communication.exitCode == 65, "\(communication)")
        #expect(communication.stderr == "vaktlogg: measure: the measure is rejected and was not stored — communication (strict): ground_practical\n")
        let noPerson = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "isolation", "--purpose", "security", "--restrictiveness", "3"])
        #expect(noPerson.exitCode == 65)
        #expect(noPerson.stderr == "vaktlogg: person: et inngripende tiltak (nivå 2 eller mer) rettes mot en person: oppgi --person\n")
        let badType = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "cellebytte", "--purpose", "security", "--restrictiveness", "1"])
        #expect(badType.exitCode == 64)
        #expect(badType.stderr.hasPrefix("Error: The value 'cellebytte' is invalid for '--type <TYPE>'. Please provide one of the following:\n  - isolation\n  - exclusion\n  - search\n  - transfer\n  - restraint\n"), "\(badType)")
        let badLevel = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "search", "--purpose", "security", "--restrictiveness", "5"])
        #expect(badLevel.exitCode == 64)
        #expect(badLevel.stderr.hasPrefix("Error: The value '5' is invalid for '--restrictiveness <N>'. Please provide one of '0', '1', '2', '3' or '4'."), "\(badLevel)")
        #expect(try s.w.rowCounts() == before)
    }

    @Test func departureFromTheMainRuleNeedsAJustification() throws {
        let s = try Self.setup()
        let args = ["measure", s.ref, "--type", "search", "--purpose", "order", "--burden", "security", "--restrictiveness", "1"]
        let without = try s.w.run(s.coordinator, args)
        #expect(without.exitCode == 65, "\(without)")
        #expect(without.stderr == "vaktlogg: measure: tiltaket krever begrunnelse (--justification) — security_over_order (main_rule): purpose_order_burdens_security\n")
        #expect(try s.w.count("measures") == 0)

        let with = try s.w.run(s.coordinator, args + ["--justification", "Gjentatte funn av brukerutstyr"])
        #expect(with.exitCode == 0, "\(with)")
        #expect(with.stdout == "Tiltak 1 registrert på OSLO-1 · begrunnet avvik fra hovedregel (security_over_order)\n")
        #expect(try s.w.sql("SELECT outcome || '|' || justification FROM measures") == "justified|Gjentatte funn av brukerutstyr")

        // A security measure burdening rehabilitation carries a note on that effect.
        let rehab = ["measure", s.ref, "--type", "visit_restriction", "--purpose", "security", "--burden", "rehabilitation", "--restrictiveness", "1"]
        let noNote = try s.w.run(s.coordinator, rehab)
        #expect(noNote.exitCode == 65)
        #expect(noNote.stderr == "vaktlogg: measure: tiltaket belaster påvirkningsarbeidet: beskriv virkningen (--rehabilitation-note) — rehabilitation_effect (consideration): missing_rehabilitation_note\n")
        let noted = try s.w.run(s.coordinator, rehab + ["--rehabilitation-note", "Besøk fra barn opprettholdes"])
        #expect(noted.exitCode == 0, "\(noted)")
        #expect(try s.w.count("measures") == 2)
    }

    @Test func restrictiveMeasureRestsOnAPersonsRiskAssessment() throws {
        let s = try Self.setup()
        let isolation = ["measure", s.ref, "--type", "isolation", "--purpose", "security", "--restrictiveness", "3", "--person", "INM-1"]
        let noAssessment = try s.w.run(s.coordinator, isolation)
        #expect(noAssessment.exitCode == 65, "\(noAssessment)")
        #expect(noAssessment.stderr.hasPrefix("vaktlogg: measure: tiltaket krever begrunnelse (--justification) — "), "\(noAssessment)")
        #expect(try s.w.count("measures") == 0)

        let assessed = try s.w.run(s.coordinator, ["assess-person", "INM-1", "--probability", "4", "--consequence", "4",
                                                   "--summary", "Voldelig historikk, trusler mot ansatte"])
        #expect(assessed.exitCode == 0, "\(assessed)")
        let validUntil = try s.w.sql("SELECT valid_until FROM risk_assessments")
        #expect(assessed.stdout == "Risikovurdering 1 av INM-1: risiko 16 (høy), gyldig til \(validUntil)\n")
        #expect(try s.w.sql("SELECT person_ref || '|' || unit_code || '|' || score || '|' || band || '|' || assessor || '|' || (valid_until - current_date BETWEEN 179 AND 181) FROM risk_assessments")
                == "INM-1|OSLO|16|high|\(s.coordinator)|true")

        let stored = try s.w.run(s.coordinator, isolation)
        #expect(stored.exitCode == 0, "\(stored)")
        #expect(try s.w.sql("SELECT assessment_id || '|' || outcome FROM measures") == "1|allowed")
        // More restrictive than a high risk supports is refused.
        let tooMuch = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "isolation", "--purpose", "security",
                                                  "--restrictiveness", "4", "--person", "INM-1"])
        #expect(tooMuch.exitCode == 65, "\(tooMuch)")
        #expect(try s.w.count("measures") == 1)

        let badPerson = try s.w.run(s.coordinator, ["assess-person", "Ola Nordmann", "--probability", "1", "--consequence", "1", "--summary", "x"])
        #expect(badPerson.exitCode == 65)
        #expect(badPerson.stderr == "vaktlogg: person: personer oppgis med saksnummer (store bokstaver, sifre og bindestrek, 3–32 tegn), aldri navn eller fødselsnummer\n")
        let byOfficer = try s.w.run(s.officer, ["assess-person", "INM-2", "--probability", "1", "--consequence", "1", "--summary", "x"])
        #expect(byOfficer.exitCode == 77)
        #expect(try s.w.count("risk_assessments") == 1)
    }

    @Test func publicSafetyDecisionIsJustifiedAndRestsOnAnAssessment() throws {
        let s = try Self.setup()
        let before = try s.w.rowCounts()
        let bare = try s.w.run(s.coordinator, ["decide", s.ref, "--text", "Overføring til høyere sikkerhetsnivå", "--public-safety"])
        #expect(bare.exitCode == 65, "\(bare)")
        #expect(bare.stderr == "vaktlogg: justification: et vedtak av betydning for samfunnets trygghet må begrunnes og vise til risikovurdering(er) — justification: blank_justification; justification: no_assessment_reference\n")
        let justifiedOnly = try s.w.run(s.coordinator, ["decide", s.ref, "--text", "Overføring", "--public-safety",
                                                        "--justification", "Høy risiko for ny vold"])
        #expect(justifiedOnly.exitCode == 65)
        #expect(justifiedOnly.stderr == "vaktlogg: assessment: et vedtak av betydning for samfunnets trygghet må begrunnes og vise til risikovurdering(er) — justification: no_assessment_reference\n")
        let unknown = try s.w.run(s.coordinator, ["decide", s.ref, "--text", "Overføring", "--public-safety",
                                                  "--justification", "Høy risiko", "--assessment", "999"])
        #expect(unknown.exitCode == 65)
        #expect(unknown.stderr == "vaktlogg: ukjent risikovurdering\n")
        #expect(try s.w.rowCounts() == before)

        let assessed = try s.w.run(s.coordinator, ["assess-person", "INM-1", "--probability", "3", "--consequence", "5", "--summary", "Planlegger rømning"])
        let id = try s.w.sql("SELECT id FROM risk_assessments")
        #expect(assessed.stdout.hasPrefix("Risikovurdering \(id) av INM-1: risiko 15"), "\(assessed)")
        let decided = try s.w.run(s.coordinator, ["decide", s.ref, "--text", "Overføring til høyere sikkerhetsnivå", "--public-safety",
                                                  "--justification", "Høy risiko for ny vold", "--assessment", id, "--person", "INM-1"])
        #expect(decided.exitCode == 0, "\(decided)")
        // Refused inserts may use up identity values, so the id is read back rather than assumed.
        let decisionID = try s.w.sql("SELECT id FROM decisions")
        #expect(decided.stdout == "Vedtak \(decisionID) registrert på OSLO-1\n")
        #expect(try s.w.sql("SELECT public_safety_significant || '|' || justification || '|' || assessment_ids::text || '|' || person_ref || '|' || decided_by FROM decisions")
                == "true|Høy risiko for ny vold|{\(id)}|INM-1|\(s.coordinator)")

        let plain = try s.w.run(s.coordinator, ["decide", s.ref, "--text", "Samtale med innsatte"])
        #expect(plain.exitCode == 0, "\(plain)")
        #expect(plain.stdout == "Vedtak \(try s.w.sql("SELECT max(id) FROM decisions")) registrert på OSLO-1\n", "\(plain)")
        let byOfficer = try s.w.run(s.officer, ["decide", s.ref, "--text", "x"])
        #expect(byOfficer.exitCode == 77)
        #expect(try s.w.count("decisions") == 2)

        // `show` lists measures and decisions in the entry's history.
        let show = JSON.object(try s.w.run(s.coordinator, ["show", s.ref, "--json"]).stdout)
        let history = (show["history"] as? [[String: Any]] ?? []).compactMap { $0["what"] as? String }
        #expect(history == ["decision", "decision"])
        #expect(try s.w.chainIntact("OSLO"))
    }
}
