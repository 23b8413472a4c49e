import Foundation
import Testing

/// The lifecycle commands end to end: ack, assign, comment, treat, close, reopen, supervision,
/// assess-threat, police; who may do what, in which state, and what is refused with which message.
@Suite struct LifecycleCommandTests {
    /// Events of an entry as `event:actor[:assignee][:text]`, oldest first.
    static func events(_ w: CLIWorld, _ ref: String) throws -> [String] {
        try w.sql("""
            SELECT ev.event || ':' || ev.actor || coalesce(':' || ev.assignee, '') || coalesce(':' || ev.text, '')
              FROM entry_events ev JOIN entries e ON e.id = ev.entry_id WHERE e.ref = '\(ref)' ORDER BY ev.id
            """).split(separator: "\n").map(String.init)
    }

    static func status(_ w: CLIWorld, _ ref: String) throws -> String {
        try w.sql("SELECT status FROM entry_state WHERE ref = '\(ref)'")
    }

    @Test func deviationFromRegisteredToClosedAndReopened() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "deviation", ["--category", "door_lock", "--text", "Dør stod åpen", "--probability", "2", "--consequence", "3"])
        #expect(ref == "OSLO-1")

        // A due date a month from today (Oslo), so the test does not expire on a fixed date.
        var oslo = Calendar(identifier: .gregorian)
        oslo.timeZone = TimeZone(identifier: "Europe/Oslo")!
        let month = try #require(oslo.date(byAdding: .day, value: 30, to: Date()))
        let due = String(format: "%04d-%02d-%02d", oslo.component(.year, from: month), oslo.component(.month, from: month),
                         oslo.component(.day, from: month))
        let steps: [([String], String)] = [
            (["ack", ref], "OSLO-1: kvittert · status kvittert"),
            (["assign", ref, "--to", officer], "OSLO-1: tildelt \(officer) · status kvittert"),
            (["comment", ref, "--text", "Låsen henger"], "OSLO-1: kommentert · status kvittert"),
            (["treat", ref, "--cause", "Slitt sylinder"], "OSLO-1: behandling registrert · status under behandling"),
            (["treat", ref, "--measure", "Bytt sylinder", "--responsible", officer, "--due", due],
             "OSLO-1: behandling registrert · status tiltak besluttet"),
        ]
        for (args, answer) in steps {
            let r = try w.run(coordinator, args)
            #expect(r.exitCode == 0, "\(args): \(r)")
            #expect(r.stdout == answer + "\n")
        }
        #expect(try w.sql("SELECT assignee FROM entry_state WHERE ref = 'OSLO-1'") == officer)
        #expect(try w.sql("SELECT treatment_due IS NULL AND ack_due IS NULL AND close_due IS NOT NULL FROM entry_state") == "t")

        // Closing a deviation needs the verification that the measure works.
        let before = try w.rowCounts()
        let refused = try w.run(coordinator, ["close", ref])
        #expect(refused.exitCode == 65, "\(refused)")
        #expect(refused.stderr == "vaktlogg: et avvik lukkes med verifisering av at tiltaket virker (--verification), etter besluttet tiltak\n")
        #expect(try w.rowCounts() == before)
        let refusedEn = try w.run(coordinator, ["close", ref, "--lang", "en"])
        #expect(refusedEn.stderr == "vaktlogg: a deviation is closed with a verification that the decided measure works (--verification)\n")

        let closed = try w.run(coordinator, ["close", ref, "--verification", "Testet tre ganger"])
        #expect(closed.exitCode == 0, "\(closed)")
        #expect(closed.stdout == "OSLO-1: lukket · status lukket\n")
        #expect(try Self.status(w, ref) == "closed")

        let noReason = try w.run(coordinator, ["reopen", ref, "--reason", "  "])
        #expect(noReason.exitCode == 65)
        #expect(noReason.stderr == "vaktlogg: reason: kan ikke være tom\n")
        let reopened = try w.run(coordinator, ["reopen", ref, "--reason", "Låsen svikter igjen"])
        #expect(reopened.exitCode == 0, "\(reopened)")
        #expect(reopened.stdout == "OSLO-1: gjenåpnet · status under behandling\n")

        #expect(try Self.events(w, ref) == [
            "acknowledge:\(coordinator)", "assign:\(coordinator):\(officer)", "comment:\(coordinator):Låsen henger",
            "treatment_started:\(coordinator):Slitt sylinder", "measure_decided:\(coordinator):\(officer):Bytt sylinder",
            "close:\(coordinator):Testet tre ganger", "reopen:\(coordinator):Låsen svikter igjen",
        ])
        #expect(try w.sql("SELECT data ->> 'due' FROM entry_events WHERE event = 'measure_decided'") == due)
        #expect(try w.chainIntact("OSLO"))
    }

    @Test func stateAndRoleRefusals() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let manager = try w.user("mona", "manager", ["OSLO"])
        let ref = try w.log(officer, "deviation", ["--category", "key_control", "--text", "Nøkkel savnet", "--probability", "2", "--consequence", "2"])
        let cases: [(String, [String], Int32, String)] = [
            (coordinator, ["treat", ref, "--cause", "x"], 65, "vaktlogg: avviket må kvitteres før behandling\n"),
            (officer, ["assign", ref, "--to", officer], 77, "vaktlogg: din rolle kan ikke gjøre dette\n"),
            (manager, ["ack", ref], 77, "vaktlogg: din rolle kan ikke gjøre dette\n"),
            (coordinator, ["reopen", ref, "--reason", "x"], 65, "vaktlogg: bare lukkede oppføringer kan gjenåpnes\n"),
            (coordinator, ["assign", ref, "--to", "ingen_slik"], 65, "vaktlogg: personen er ikke aktiv bruker ved enheten\n"),
            (coordinator, ["treat", ref, "--measure", "x"], 65, "vaktlogg: measure: et tiltak krever --measure, --responsible og --due\n"),
            (coordinator, ["treat", ref, "--measure", "x", "--responsible", officer, "--due", "31.01.2030"], 65,
             "vaktlogg: due: dato skrives ÅÅÅÅ-MM-DD\n"),
            (coordinator, ["supervision", ref, "--offered"], 65, "vaktlogg: veiledning følger en manipulasjonsrapport\n"),
            (coordinator, ["police", ref, "--decision", "inform", "--justification", "x"], 65, "vaktlogg: gjelder bare trusselhendelser\n"),
        ]
        let before = try w.rowCounts()
        for (user, args, code, message) in cases {
            let r = try w.run(user, args)
            #expect(r.exitCode == code, "\(args): \(r)")
            #expect(r.stderr == message, "\(args)")
        }
        #expect(try w.rowCounts() == before)
        // A manager may comment.
        #expect(try w.run(manager, ["comment", ref, "--text", "Sett"]).exitCode == 0)
        #expect(try w.run(coordinator, ["ack", ref]).exitCode == 0)
        let twice = try w.run(officer, ["ack", ref])
        #expect(twice.exitCode == 65)
        #expect(twice.stderr == "vaktlogg: oppføringen er allerede kvittert\n")
    }

    /// A P1 entry is closed by a security coordinator who did not report it.
    @Test func p1IsClosedByAnotherCoordinator() throws {
        let w = try CLIWorld()
        let reporter = try w.user("kari", "security_coordinator", ["OSLO"])
        let other = try w.user("per", "security_coordinator", ["OSLO"])
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let ref = try w.log(reporter, "incident", ["--category", "self_harm", "--text", "Kutt på arm", "--probability", "3", "--consequence", "3"])
        #expect(try w.sql("SELECT priority FROM entries") == "P1")
        #expect(try w.run(officer, ["ack", ref]).exitCode == 0)

        let byReporter = try w.run(reporter, ["close", ref])
        #expect(byReporter.exitCode == 77, "\(byReporter)")
        #expect(byReporter.stderr == "vaktlogg: en P1-oppføring kan ikke lukkes av den som meldte den\n")
        let byOfficer = try w.run(officer, ["close", ref])
        #expect(byOfficer.exitCode == 77, "\(byOfficer)")
        #expect(byOfficer.stderr == "vaktlogg: en P1-oppføring lukkes av en sikkerhetsleder\n")
        let byOfficerEn = try w.run(officer, ["close", ref, "--lang", "en"])
        #expect(byOfficerEn.stderr == "vaktlogg: a P1 entry is closed by a security coordinator\n")
        #expect(try w.count("entry_events", where: "event = 'close'") == 0)
        #expect(try Self.status(w, ref) == "acknowledged")

        let byOther = try w.run(other, ["close", ref])
        #expect(byOther.exitCode == 0, "\(byOther)")
        #expect(try Self.events(w, ref) == ["acknowledge:\(officer)", "close:\(other)"])

        // A P4 entry may be closed by the duty officer who reported it.
        let p4 = try w.log(officer, "incident", ["--category", "damage", "--text", "Knust vindu", "--probability", "1", "--consequence", "1"])
        #expect(try w.run(officer, ["close", p4]).exitCode == 0)
    }

    @Test func manipulationReportIsReviewedAndSupervisedByACoordinator() throws {
        let w = try CLIWorld()
        let reporter = try w.user("ola", "duty_officer", ["OSLO"])
        let colleague = try w.user("nils", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(reporter, "manipulation", ["--category", "family_contact", "--text", "Spurte om adressen min",
                                                       "--probability", "3", "--consequence", "3", "--target", "family",
                                                       "--disable-working-hours"])
        let ack = try w.run(colleague, ["ack", ref])
        #expect(ack.exitCode == 77)
        #expect(ack.stderr == "vaktlogg: dette gjøres av en sikkerhetsleder\n")
        let early = try w.run(coordinator, ["close", ref])
        #expect(early.exitCode == 65)
        #expect(early.stderr == "vaktlogg: veiledning må være tilbudt før rapporten lukkes\n")

        #expect(try w.run(coordinator, ["ack", ref]).stdout == "\(ref): kvittert · status kvittert\n")
        #expect(try w.run(coordinator, ["supervision", ref, "--offered"]).stdout == "\(ref): veiledning tilbudt · status kvittert\n")
        let again = try w.run(coordinator, ["supervision", ref, "--offered"])
        #expect(again.exitCode == 65)
        #expect(again.stderr == "vaktlogg: allerede registrert\n")
        #expect(try w.run(coordinator, ["supervision", ref, "--held"]).stdout == "\(ref): veiledning gjennomført · status kvittert\n")
        let both = try w.run(coordinator, ["supervision", ref, "--offered", "--held"])
        #expect(both.exitCode == 64, "usage error: \(both)")
        #expect(try w.sql("SELECT supervision_due IS NULL AND supervision_held_at IS NOT NULL FROM entry_state") == "t")
        #expect(try w.run(coordinator, ["close", ref]).exitCode == 0)

        // The reporter is sealed: a colleague does not see who reported; the coordinator does, and
        // that read is logged.
        let sealed = JSON.object(try w.run(colleague, ["show", ref, "--json"]).stdout)
        #expect(sealed["reporter"] is NSNull)
        #expect(try w.run(colleague, ["show", ref]).stdout.contains("Meldt av: (skjermet)"))
        let seen = JSON.object(try w.run(coordinator, ["show", ref, "--json"]).stdout)
        #expect(seen["reporter"] as? String == reporter)
        #expect(try w.count("access_log", where: "action = 'read_reporter' AND actor = '\(coordinator)'") == 1)
    }

    @Test func threatIsAssessedAndPoliceDecidedBeforeClosing() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let other = try w.user("per", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "threat", ["--category", "organised_crime", "--text", "Nettverk rekrutterer",
                                                "--probability", "3", "--consequence", "4", "--source", "police_infoflyt", "--infoflyt"])
        #expect(try w.sql("SELECT police_decision_required FROM entries") == "t")

        let early = try w.run(other, ["close", ref])
        #expect(early.exitCode == 65)
        #expect(early.stderr == "vaktlogg: trusselhendelsen må vurderes før den lukkes\n")

        // Values outside an option's codes are usage errors: ArgumentParser names the option and every allowed value.
        let usage: [([String], String)] = [
            (["assess-threat", ref, "--source", "G", "--credibility", "2", "--probability", "4", "--consequence", "5"],
             "Error: The value 'G' is invalid for '--source <A-F>'. Please provide one of the following:\n  - A\n  - B\n  - C\n  - D\n  - E\n  - F\n"),
            (["assess-threat", ref, "--source", "B", "--credibility", "9", "--probability", "4", "--consequence", "5"],
             "Error: The value '9' is invalid for '--credibility <1-6>'. Please provide one of the following:\n  - 1\n  - 2\n  - 3\n  - 4\n  - 5\n  - 6\n"),
            (["police", ref, "--decision", "maybe", "--justification", "x"],
             "Error: The value 'maybe' is invalid for '--decision <DECISION>'. Please provide one of 'inform' and 'not-inform'.\n"),
        ]
        let bad: [([String], String)] = [
            (["assess-threat", ref, "--source", "B", "--credibility", "2", "--probability", "7", "--consequence", "5"],
             "vaktlogg: probability: må være et heltall fra 1 til 5\n"),
            (["police", ref, "--decision", "inform", "--justification", " "], "vaktlogg: justification: kan ikke være tom\n"),
        ]
        let before = try w.rowCounts()
        for (args, message) in usage {
            let r = try w.run(coordinator, args)
            #expect(r.exitCode == 64, "\(args): \(r)")
            #expect(r.stderr.hasPrefix(message), "\(args): \(r)")
        }
        for (args, message) in bad {
            let r = try w.run(coordinator, args)
            #expect(r.exitCode == 65, "\(args): \(r)")
            #expect(r.stderr == message, "\(args)")
        }
        #expect(try w.rowCounts() == before)
        let officerAssess = try w.run(officer, ["assess-threat", ref, "--source", "B", "--credibility", "2", "--probability", "4", "--consequence", "5"])
        #expect(officerAssess.exitCode == 77)

        let assessed = try w.run(coordinator, ["assess-threat", ref, "--source", "b", "--credibility", "2", "--probability", "4", "--consequence", "5"])
        #expect(assessed.stdout == "\(ref): vurdert · status vurdert\n", "\(assessed)")
        #expect(try w.sql("SELECT risk_score || ' ' || (assessment_due IS NULL) FROM entry_state") == "20 true")
        let noPolice = try w.run(other, ["close", ref])
        #expect(noPolice.stderr == "vaktlogg: beslutning om å informere politiet må tas først\n")

        let police = try w.run(coordinator, ["police", ref, "--decision", "not-inform", "--justification", "Allerede kjent for politiet"])
        #expect(police.stdout == "\(ref): politibeslutning registrert · status vurdert\n", "\(police)")
        #expect(try w.sql("SELECT data ->> 'decision' FROM entry_events WHERE event = 'police_decision'") == "not_inform")
        #expect(try w.sql("SELECT data ->> 'source_reliability' || (data ->> 'info_credibility') FROM entry_events WHERE event = 'threat_assessed'") == "B2")
        #expect(try w.run(other, ["close", ref]).exitCode == 0)
        #expect(try Self.status(w, ref) == "closed")
        #expect(try w.chainIntact("OSLO"))
    }

    /// An officer of ILA acting on OSLO's entry is told the entry is not found in their units (65),
    /// exactly as for an entry that does not exist: nothing reveals that it exists elsewhere.
    @Test func anotherUnitsEntryIsNotFound() throws {
        let w = try CLIWorld()
        let oslo = try w.user("ola", "duty_officer", ["OSLO"])
        let ila = try w.user("ida", "duty_officer", ["ILA"])
        let ilaCoordinator = try w.user("ivar", "security_coordinator", ["ILA"])
        let ref = try w.log(oslo, "incident", ["--category", "fire", "--text", "Brann", "--probability", "2", "--consequence", "2"])
        let before = try w.rowCounts()
        let commands: [(String, [String])] = [
            (ila, ["ack", ref]), (ila, ["comment", ref, "--text", "hei"]), (ila, ["close", ref]), (ila, ["show", ref]),
            (ila, ["amend", ref, "--reason", "feil", "--text", "endret"]),
            (ilaCoordinator, ["assign", ref, "--to", ila]), (ilaCoordinator, ["reopen", ref, "--reason", "x"]),
            (ilaCoordinator, ["measure", ref, "--type", "extra_control", "--purpose", "security", "--restrictiveness", "1"]),
            (ilaCoordinator, ["decide", ref, "--text", "Vedtak"]),
        ]
        for (user, args) in commands {
            let r = try w.run(user, args)
            #expect(r.exitCode == 65, "\(args): \(r)")
            #expect(r.stderr == "vaktlogg: ref: fant ingen oppføring «OSLO-1» i dine enheter\n", "\(args)")
        }
        let missing = try w.run(oslo, ["ack", "OSLO-99"])
        #expect(missing.exitCode == 65)
        #expect(missing.stderr == "vaktlogg: ref: fant ingen oppføring «OSLO-99» i dine enheter\n")
        let english = try w.run(ila, ["ack", ref, "--lang", "en"])
        #expect(english.stderr == "vaktlogg: ref: no entry “OSLO-1” in your units\n")
        #expect(try w.rowCounts() == before)
        let list = try w.run(ila, ["list", "--json"])
        #expect(list.exitCode == 0, "\(list)")
        #expect(JSON.parsedArray(list.stdout)?.isEmpty == true, "ILA sees no entry (and the list did not fail): \(list)")
        // Positive control: OSLO's own officer lists the entry ILA cannot see.
        #expect(JSON.parsedArray(try w.run(oslo, ["list", "--json"]).stdout)?.map { $0["ref"] as? String } == [ref])
    }
}
