import Foundation
import Testing

/// The follow-up commands end to end (`measure review|lift`, `measures`, `unit-measure`,
/// `assess-unit`, `unit show`, `debrief`, and their part of `show`): exit codes, messages in both
/// languages, JSON output, and what reaches the database.
@Suite struct FollowUpCommandTests {
    struct Setup {
        let w: CLIWorld
        let officer: String
        let coordinator: String
        let ref: String
        let measure: Int
    }

    /// Violence against staff with an inmate, and a level-3 measure on it (a justified departure).
    static func setup() throws -> Setup {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "incident", ["--category", "violence_staff", "--text", "Betjent slått under innlåsing",
                                                  "--probability", "3", "--consequence", "4", "--person", "inmate:INM-7"])
        let r = try w.run(coordinator, ["measure", ref, "--type", "exclusion", "--purpose", "security", "--restrictiveness", "3",
                                        "--person", "INM-7", "--justification", "Akutt fare for tilsatte", "--json"])
        #expect(r.exitCode == 0, "\(r)")
        let id = try #require(JSON.parsedObject(r.stdout)?["id"] as? Int)
        return Setup(w: w, officer: officer, coordinator: coordinator, ref: ref, measure: id)
    }

    @Test func measuresAreReviewedListedAndLifted() throws {
        let s = try Self.setup()
        let list = try s.w.run(s.coordinator, ["measures", "--active", "--json"])
        #expect(list.exitCode == 0, "\(list)")
        let rows = try #require(JSON.parsedArray(list.stdout))
        #expect(rows.count == 1)
        #expect(rows.first?["id"] as? Int == s.measure && rows.first?["ref"] as? String == s.ref)
        #expect(rows.first?["assessment_lapsed"] as? Bool == true, "no assessment of INM-7")
        #expect(rows.first?["overdue"] as? Bool == false && rows.first?["restrictiveness"] as? Int == 3)
        let text = try s.w.run(s.coordinator, ["measures", "--lang", "en"])
        #expect(text.exitCode == 0 && text.stdout.contains("assessment lapsed") && text.stdout.contains("exclusion"), "\(text)")
        #expect(!text.stdout.contains("INM-7"), "the person is not listed")

        let officerReview = try s.w.run(s.officer, ["measure", "review", String(s.measure)])
        #expect(officerReview.exitCode == 77 && officerReview.stderr.contains("sikkerhetsleder"), "\(officerReview)")
        let review = try s.w.run(s.coordinator, ["measure", "review", String(s.measure), "--note", "Står ved lag"])
        #expect(review.exitCode == 0 && review.stdout.hasPrefix("Tiltak \(s.measure) gjennomgått · neste gjennomgang innen"), "\(review)")
        let blank = try s.w.run(s.coordinator, ["measure", "lift", String(s.measure), "--reason", "  "])
        #expect(blank.exitCode == 65 && blank.stderr.contains("reason"), "\(blank)")
        let missing = try s.w.run(s.coordinator, ["measure", "lift", String(s.measure)])
        #expect(missing.exitCode == 64, "\(missing)")
        let lift = try s.w.run(s.coordinator, ["measure", "lift", String(s.measure), "--reason", "Rolig i en uke", "--json"])
        #expect(lift.exitCode == 0 && JSON.parsedObject(lift.stdout)?["measure_id"] as? Int == s.measure, "\(lift)")
        let again = try s.w.run(s.coordinator, ["measure", "lift", String(s.measure), "--reason", "Igjen", "--lang", "en"])
        #expect(again.exitCode == 65 && again.stderr.contains("has been lifted"), "\(again)")
        let unknown = try s.w.run(s.coordinator, ["measure", "review", "9999"])
        #expect(unknown.exitCode == 65 && unknown.stderr.contains("ukjent tiltak"), "\(unknown)")
        #expect(try s.w.sql("SELECT string_agg(action, ',' ORDER BY id) FROM measure_reviews") == "review,lift")
        let active = try s.w.run(s.coordinator, ["measures", "--active"])
        #expect(active.exitCode == 0 && active.stdout == "Ingen tiltak.\n", "\(active)")
        // `measure REF …` still records (the default subcommand).
        let show = try s.w.run(s.coordinator, ["show", s.ref, "--lang", "en"])
        #expect(show.exitCode == 0 && show.stdout.contains("Measures over time") && show.stdout.contains("lifted"), "\(show)")
        #expect(show.stdout.contains("Staff debriefing") && show.stdout.contains("to be offered by"), "\(show)")
    }

    @Test func collectiveMeasuresUnitAssessmentsAndDebriefings() throws {
        let s = try Self.setup()
        let noEnd = try s.w.run(s.coordinator, ["unit-measure", "add", "--type", "search", "--purpose", "security",
                                                "--text", "Visitasjon av alle celler", "--justification", "Funn av kniv"])
        #expect(noEnd.exitCode == 64, "\(noEnd)")
        let badEnd = try s.w.run(s.coordinator, ["unit-measure", "add", "--type", "search", "--purpose", "security",
                                                 "--text", "Visitasjon", "--justification", "Funn av kniv", "--ends", "neste uke"])
        #expect(badEnd.exitCode == 64 && badEnd.stderr.contains("--ends"), "\(badEnd)")
        let past = try s.w.run(s.coordinator, ["unit-measure", "add", "--type", "search", "--purpose", "security",
                                               "--text", "Visitasjon", "--justification", "Funn av kniv", "--ends", "2020-01-01"])
        #expect(past.exitCode == 65 && past.stderr.contains("--ends"), "\(past)")
        let add = try s.w.run(s.coordinator, ["unit-measure", "add", "--type", "search", "--purpose", "security",
                                              "--text", "Visitasjon av alle celler", "--justification", "Funn av kniv i to avdelinger",
                                              "--ends", "2099-12-31", "--json"])
        #expect(add.exitCode == 0, "\(add)")
        let id = try #require(JSON.parsedObject(add.stdout)?["id"] as? Int)
        #expect(JSON.parsedObject(add.stdout)?["unit"] as? String == "OSLO")

        let assess = try s.w.run(s.coordinator, ["assess-unit", "OSLO", "--probability", "3", "--consequence", "4",
                                                 "--summary", "Bemanning under minimum på natt", "--staffing", "To vakter"])
        #expect(assess.exitCode == 0 && assess.stdout.contains("risiko 12 (høy)") && assess.stdout.contains("gyldig til"), "\(assess)")
        let officerAssess = try s.w.run(s.officer, ["assess-unit", "OSLO", "--probability", "3", "--consequence", "4", "--summary", "x"])
        #expect(officerAssess.exitCode == 77, "\(officerAssess)")
        let show = try s.w.run(s.officer, ["unit", "show", "OSLO", "--json"])
        #expect(show.exitCode == 0, "\(show)")
        let unit = try #require(JSON.parsedObject(show.stdout))
        let assessment = try #require(unit["assessment"] as? [String: Any])
        #expect(assessment["risk_score"] as? Int == 12 && assessment["current"] as? Bool == true && assessment["staffing"] as? String == "To vakter")
        #expect((unit["collective_measures"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
        let showText = try s.w.run(s.officer, ["unit", "show", "oslo", "--lang", "en"])
        #expect(showText.exitCode == 0 && showText.stdout.contains("Risk assessment (system level)")
                && showText.stdout.contains("Staffing: To vakter"), "\(showText)")
        let lift = try s.w.run(s.coordinator, ["unit-measure", "lift", String(id), "--reason", "Ingen nye funn"])
        #expect(lift.exitCode == 0 && lift.stdout == "Fellestiltak \(id) opphevet\n", "\(lift)")

        let none = try s.w.run(s.officer, ["debrief", s.ref])
        #expect(none.exitCode == 64, "exactly one step: \(none)")
        let held = try s.w.run(s.officer, ["debrief", s.ref, "--held", "--lang", "en"])
        #expect(held.exitCode == 65 && held.stderr.contains("offered before"), "\(held)")
        let offered = try s.w.run(s.officer, ["debrief", s.ref, "--offered", "--note", "Samtale med BHT tilbudt"])
        #expect(offered.exitCode == 0 && offered.stdout == "\(s.ref): emosjonelt etterarbeid tilbudt\n", "\(offered)")
        let declined = try s.w.run(s.officer, ["debrief", s.ref, "--declined", "--json"])
        #expect(declined.exitCode == 0 && JSON.parsedObject(declined.stdout)?["step"] as? String == "declined", "\(declined)")
        let entryShow = try s.w.run(s.officer, ["show", s.ref, "--json"])
        let debriefing = try #require((JSON.parsedObject(entryShow.stdout)?["follow_up"] as? [String: Any])?["debriefing"] as? [String: Any])
        #expect(debriefing["offered_at"] is String && debriefing["declined_at"] is String && debriefing["held_overdue"] as? Bool == false)
        #expect(try s.w.chainIntact("OSLO"))
    }

    @Test func aStaffProtectionMeasureIsRecordedAndListed() throws {
        let s = try Self.setup()
        let r = try s.w.run(s.coordinator, ["measure", s.ref, "--type", "staff_protection", "--purpose", "life_health",
                                            "--restrictiveness", "0", "--description", "Sikkerhetsalarm til betjent og familie"])
        #expect(r.exitCode == 0 && r.stdout.contains("tillatt"), "\(r)")
        let list = try s.w.run(s.coordinator, ["measures", "--lang", "en"])
        #expect(list.exitCode == 0 && list.stdout.contains("staff protection"), "\(list)")
        #expect(try s.w.sql("SELECT count(*) FROM measures WHERE type = 'staff_protection' AND review_due IS NULL") == "1")
    }
}
