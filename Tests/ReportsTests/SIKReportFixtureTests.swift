import Foundation
import Postgres
import PostgresTestSupport
import Reports
import Rules
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// A hand-built October 2026 (Oslo time, across the DST change on the 25th) in region OST with three
/// units, written through the product's write path as the units' own users (backdated the way the
/// demo seeder does it). Every expected number is worked out by hand in the comments.
@Suite("SIK report on a hand-computed fixture")
struct SIKReportFixtureTests {
    static func utc(_ s: String) -> Date { Timestamp(rfc3339: s)!.date }

    struct Fixture {
        let db: VaktloggTestDatabase
        let officer: String, reporter: String, manager: String, managerA: String, coordinator: String
    }

    static func fixture() throws -> Fixture {
        let db = try VaktloggTestDatabase.create(prefix: "sik", units: ["AUNIT", "BUNIT", "CUNIT"])
        let officer = try db.addUser("off", role: "duty_officer", units: ["AUNIT", "BUNIT", "CUNIT"])
        let reporter = try db.addUser("ingridrep", role: "duty_officer", units: ["AUNIT"])
        let manager = try db.addUser("mgr", role: "manager", units: ["AUNIT", "BUNIT", "CUNIT"])
        let managerA = try db.addUser("mgra", role: "manager", units: ["AUNIT"])
        let coordinator = try db.addUser("koord", role: "security_coordinator", units: ["AUNIT", "BUNIT"])
        let owner = try db.connect()
        defer { owner.close() }
        try StoreSession.backdating(owner: owner, clock: .system).transaction { s in
            do {
                let c = s.connection
                _ = try c.query("UPDATE maintenance SET backdating = true")
                func act(_ user: String) throws { _ = try c.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try c.escapeIdentifier(user))") }
                func log(_ kind: EntryKind, _ category: String, unit: String, at: String, occurred: String? = nil,
                         p: Int = 2, q: Int = 2) throws -> LoggedEntry {
                    var d = EntryDraft(kind: kind, category: category, text: "Fiksturoppføring")
                    d.unit = unit
                    d.probability = p
                    d.consequence = q
                    d.reportedAt = utc(at)
                    d.occurredAt = utc(occurred ?? at)
                    return try s.at(.fixed(utc(at))).entries.log(d)
                }
                func record(_ e: LifecycleEvent, _ ref: String, at: String) throws {
                    _ = try s.at(.fixed(utc(at))).lifecycle.record(e, on: ref)
                }
                try act(officer)
                // AUNIT, deviation D1: acknowledged exactly at its 24 h limit (in time), closed after 5 days (in time).
                let d1 = try log(.deviation, "door_lock", unit: "AUNIT", at: "2026-10-05T10:00:00Z")
                try record(.acknowledge, d1.ref, at: "2026-10-06T10:00:00Z")
                try record(.startTreatment(cause: "Slitt lås"), d1.ref, at: "2026-10-06T11:00:00Z")
                try record(.decideMeasure(measure: "Bytt lås", responsible: officer, due: CalendarDate(year: 2026, month: 10, day: 9)!), d1.ref, at: "2026-10-06T12:00:00Z")
                try record(.close(verification: "Ny lås virker"), d1.ref, at: "2026-10-10T10:00:00Z")
                // D2: acknowledged one second late; never closed → overdue at the end of the period
                // (close due 2026-11-04, so overdue only counts against "now"; not closed in time).
                let d2 = try log(.deviation, "door_lock", unit: "AUNIT", at: "2026-10-05T10:00:00Z")
                try record(.acknowledge, d2.ref, at: "2026-10-06T10:00:01Z")
                // D3: a third door_lock → recurring category (3 in the period at one unit).
                _ = try log(.deviation, "door_lock", unit: "AUNIT", at: "2026-10-20T08:00:00Z")
                // D4, the reopened deviation: acknowledged in 1 h, closed after 2 days (in time), then
                // reopened on 9 October by the coordinator. Its current state is open (under
                // treatment, new close deadline 9 Oct + 30 d = 8 Nov 08:00Z, so not overdue at the end
                // of October): it is not "closed in time" and has no time to close.
                let d4 = try log(.deviation, "routine_breach", unit: "AUNIT", at: "2026-10-02T08:00:00Z")
                try record(.acknowledge, d4.ref, at: "2026-10-02T09:00:00Z")
                try record(.startTreatment(cause: "Instruks uklar"), d4.ref, at: "2026-10-02T10:00:00Z")
                try record(.decideMeasure(measure: "Ny instruks", responsible: officer, due: CalendarDate(year: 2026, month: 10, day: 3)!), d4.ref, at: "2026-10-02T11:00:00Z")
                try record(.close(verification: "Instruks lest"), d4.ref, at: "2026-10-04T08:00:00Z")
                // P1 violence against staff at 23:30 Oslo (CET) on 31 October: inside the period;
                // acknowledged exactly at the 5-minute limit.
                let p1 = try log(.incident, "violence_staff", unit: "AUNIT", at: "2026-10-31T22:30:00Z", p: 3, q: 4)
                try record(.acknowledge, p1.ref, at: "2026-10-31T22:35:00Z")
                // Escape at 00:30 Oslo (CEST) on 1 October = 30 Sept 22:30 UTC: inside; P1 (public
                // safety), acknowledged 5 min + 1 s → late. A failure.
                let esc = try log(.incident, "escape", unit: "AUNIT", at: "2026-09-30T22:30:00Z", p: 3, q: 4)
                try record(.acknowledge, esc.ref, at: "2026-09-30T22:35:01Z")
                // 00:30 Oslo on 1 November = 31 Oct 23:30 UTC: outside (next period).
                _ = try log(.incident, "escape", unit: "AUNIT", at: "2026-10-31T23:30:00Z", p: 3, q: 4)
                // Previous period (31 Aug – 30 Sep Oslo): one deviation in BUNIT, 23:30 Oslo 30 Sept.
                _ = try log(.deviation, "key_control", unit: "BUNIT", at: "2026-09-30T21:30:00Z")
                // BUNIT in October: one deviation, acknowledged in 1 h.
                let b1 = try log(.deviation, "count_mismatch", unit: "BUNIT", at: "2026-10-12T12:00:00Z")
                try record(.acknowledge, b1.ref, at: "2026-10-12T13:00:00Z")
                // D6, the amended entry: reported 20 Oct 08:00Z in BUNIT as a key_control deviation
                // that occurred 29 Sept (the previous period); amended the next day to have occurred
                // 19 Oct 08:00Z and to be a count_mismatch. The amendment is its current state: it
                // counts in October, as a count_mismatch, with a report delay of exactly 1 day.
                let d6 = try log(.deviation, "key_control", unit: "BUNIT", at: "2026-10-20T08:00:00Z", occurred: "2026-09-29T08:00:00Z")
                var fix = AmendmentDraft(reason: "Feil dato og kategori")
                fix.occurredAt = utc("2026-10-19T08:00:00Z")
                fix.category = "count_mismatch"
                _ = try s.at(.fixed(utc("2026-10-21T08:00:00Z"))).amendments.amend(d6.ref, fix)
                // S1, staff safety in BUNIT: a threat against staff, occurred 06:00Z and reported
                // 08:00Z on 10 Oct (report delay 2 h). Its debriefing is offered exactly at the 24 h
                // limit (in time) and held on 20 Oct, three days after its 7-day limit (17 Oct 08:00Z).
                let s1 = try log(.incident, "threat_staff", unit: "BUNIT", at: "2026-10-10T08:00:00Z", occurred: "2026-10-10T06:00:00Z", p: 2, q: 3)
                _ = try s.at(.fixed(utc("2026-10-11T08:00:00Z"))).debriefings.record(.offered, on: s1.ref, note: nil)
                _ = try s.at(.fixed(utc("2026-10-20T08:00:00Z"))).debriefings.record(.held, on: s1.ref, note: "Samtale med bedriftshelsetjenesten")
                // CUNIT: nothing at all.
                // A manipulation report in AUNIT by `reporter`, whose name must appear nowhere.
                try act(reporter)
                var m = EntryDraft(kind: .manipulation, category: "private_probing", text: "Spurte om adressen min")
                m.unit = "AUNIT"; m.probability = 3; m.consequence = 3; m.target = .reporter; m.inWorkingHours = true
                m.reportedAt = utc("2026-10-15T09:00:00Z"); m.occurredAt = m.reportedAt
                _ = try s.at(.fixed(utc("2026-10-15T09:00:00Z"))).entries.log(m)
                // The coordinator reopens D4, and records a search for order that burdens security on
                // D2: a departure from the main rule (security_over_order), carried by its justification.
                try act(coordinator)
                try record(.reopen(reason: "Instruksen følges ikke"), d4.ref, at: "2026-10-09T08:00:00Z")
                var search = MeasureDraft(type: .search, purpose: .order, burdens: [.security], restrictiveness: .init(rawValue: 1)!)
                search.justification = "Gjentatte funn av brukerutstyr"
                let measure = try s.at(.fixed(utc("2026-10-15T12:00:00Z"))).measures.record(search, on: d2.ref)
                precondition(measure.isJustifiedDeparture, "the fixture's measure must be a main-rule departure")
                // Group 6 and 10 in AUNIT: an individual risk assessment of K-2026-0101 (moderate, 3×3)
                // on 1 Oct 09:00Z, and an hour later a search of restrictiveness 2 resting on it (current:
                // made before, valid on the day). Its review falls due 30 days on, 31 Oct 10:00Z, and
                // is made on 30 Oct (in time); the next one (29 Nov) is after the period.
                let assessment = try s.at(.fixed(utc("2026-10-01T09:00:00Z"))).riskAssessments.record(
                    person: "K-2026-0101", unit: "AUNIT", probability: 3, consequence: 3, summary: "Trusler mot medinnsatte")
                var restrictive = MeasureDraft(type: .search, purpose: .security, burdens: [.rehabilitation], restrictiveness: .init(rawValue: 2)!)
                restrictive.person = "K-2026-0101"
                restrictive.rehabilitationNote = "Mister arbeid i perioden"
                let m2 = try s.at(.fixed(utc("2026-10-01T10:00:00Z"))).measures.record(restrictive, on: esc.ref)
                precondition(m2.assessmentID == assessment.id && !m2.isJustifiedDeparture)
                _ = try s.at(.fixed(utc("2026-10-30T10:00:00Z"))).measureFollowUp.review(.person, id: m2.id, note: "Fortsatt nødvendig")
                // Two unit-wide measures: UM1 from 3 Oct, ending 20 Oct 08:00Z, lifted a day late;
                // UM2 from 25 Oct 08:00Z, ending at the year's end, active at the period's end.
                let um1 = try s.at(.fixed(utc("2026-10-03T08:00:00Z"))).unitMeasures.record(UnitMeasureDraft(
                    unit: "AUNIT", type: .extraControl, purpose: .security, text: "Ekstra visitasjon av alle celler",
                    justification: "Funn av våpen på flere avdelinger", endsAt: utc("2026-10-20T08:00:00Z")))
                _ = try s.at(.fixed(utc("2026-10-21T08:00:00Z"))).measureFollowUp.lift(.unit, id: um1.id, reason: "Ingen nye funn")
                _ = try s.at(.fixed(utc("2026-10-25T08:00:00Z"))).unitMeasures.record(UnitMeasureDraft(
                    unit: "AUNIT", type: .visitRestriction, purpose: .security, text: "Besøk bare i besøksrom med glassvegg",
                    justification: "Innsmugling via besøk", endsAt: utc("2026-12-31T08:00:00Z")))
                // Group 13, by the manager in AUNIT on D2: a leave recorded significant and justified,
                // a leave recorded not significant (with the reason the waiver needs) and a visit (not
                // a significant type). Significant types decided: 2, recorded significant: 1 → 1/2.
                // Raw INSERTs as the manager's own login, through the database's checks: the Store's
                // DecisionWorkflow on this branch takes no decision type yet (rules14 adds it).
                try act(manager)
                for (type, significant, justification, waiver, at) in [
                    ("leave", true, "Vurdert: lav fare, følge av to tilsatte" as String?, nil as String?, "2026-10-16T09:00:00Z"),
                    ("leave", false, nil, "Permisjon innenfor anstalten", "2026-10-16T10:00:00Z"),
                    ("visit", false, nil, nil, "2026-10-16T11:00:00Z"),
                ] {
                    _ = try c.execute("""
                        INSERT INTO decisions (entry_id, text, public_safety_significant, justification, assessment_ids,
                                               decided_at, rules_version, trace, decision_type, not_significant_reason)
                        VALUES (\(d2.id), \("Vedtak om " + type), \(significant), \(justification), \([Int(assessment.id)]),
                                \(utc(at), as: .timestamptz), \(s.engine.version), '[]'::jsonb, \(type), \(waiver))
                        """)
                }
                try act(coordinator)
                // Group 11: AUNIT's unit risk assessment of 2 Oct (valid a year); BUNIT and CUNIT have none.
                _ = try s.at(.fixed(utc("2026-10-02T12:00:00Z"))).unitAssessments.record(UnitAssessmentDraft(
                    unit: "AUNIT", probability: 3, consequence: 4, summary: "Høy belegg, lav bemanning i helger"))
                _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
                _ = try c.query("UPDATE maintenance SET backdating = false")
            }
        }
        return Fixture(db: db, officer: officer, reporter: reporter, manager: manager, managerA: managerA, coordinator: coordinator)
    }

    static func build(_ f: Fixture, _ scope: SIKReport.Scope, as user: String) throws -> SIKReport {
        let c = try f.db.connect(user: user)
        defer { c.close() }
        return try SIKReport.build(session: StoreSession(connection: c), scope: scope,
                                   period: ReportPeriod.named("2026-10", now: Date())!, now: utc("2026-11-01T12:00:00Z"))
    }

    static func line(_ s: SIKReport.Section, _ code: String) -> SIKReport.Line { s.lines.first { $0.metric.code == code }! }

    @Test func regionReportNumbersByHand() throws {
        let f = try Self.fixture()
        let r = try Self.build(f, .region("OST"), as: f.manager)
        #expect(r.sections.map(\.unit) == ["AUNIT", "BUNIT", "CUNIT", nil])
        let a = r.sections[0], b = r.sections[1], cu = r.sections[2], all = r.sections[3]
        // AUNIT's October deviations: D1, D2, D3 and the reopened D4.
        #expect(Self.line(a, "deviations_registered").current.value == 4)
        // In time: D1 (exactly at its 24 h limit) and D4 (1 h); D2 is 1 s late, D3 never acknowledged.
        #expect(Self.line(a, "deviations_acknowledged_in_time").current == MetricValue(numerator: 2, denominator: 4))
        // Closed in time: D1 only. D4 was closed in time, but reopened: its current state is open.
        #expect(Self.line(a, "deviations_closed_in_time").current == MetricValue(numerator: 1, denominator: 4))
        // D1: reported 5 Oct 10:00, closed 10 Oct 10:00 → 5 days, the only closed one. (Had the
        // reopened D4 still counted as closed after 2 days, the median would be 3.5 days.)
        #expect(abs((Self.line(a, "deviation_median_days_to_close").current.value ?? 0) - 5 * 86400) < 1e-6)
        // Close deadlines D2 4 Nov, D3 19 Nov, D4 (new, from the reopening) 8 Nov: none overdue by 1 Nov.
        #expect(Self.line(a, "deviations_open_overdue").current.value == 0)
        #expect(Self.line(a, "incidents_registered").current.value == 2)
        #expect(Self.line(a, "p1_acknowledged_in_time").current == MetricValue(numerator: 1, denominator: 2))
        // 300 s and 301 s: median 300.5, p90 = 300 + 0.9 × 1 = 300.9.
        #expect(Self.line(a, "p1_ack_median_seconds").current.value == 300.5)
        #expect(abs((Self.line(a, "p1_ack_p90_seconds").current.value ?? 0) - 300.9) < 1e-9)
        #expect(Self.line(a, "failures").current.value == 1)
        #expect(Self.line(a, "manipulation_reports").current.value == 1)
        #expect(Self.line(a, "deviations_per_incident").current == MetricValue(numerator: 4, denominator: 2))
        #expect(a.breakdown.contains(.init(dimension: "recurring_category", key: "door_lock", count: 3)))
        #expect(a.breakdown.contains(.init(dimension: "deviation_category", key: "routine_breach", count: 1)))
        #expect(a.chainVerifies == true)
        // Group 6: the one justified search, with its rule and justification.
        #expect(Self.line(a, "main_rule_departures").current.value == 1)
        #expect(a.departures.map(\.rules) == [["security_over_order"]])
        #expect(a.departures.map(\.justification) == ["Gjentatte funn av brukerutstyr"])
        #expect(a.departures.map(\.decidedAt) == [Self.utc("2026-10-15T12:00:00Z")])
        // Groups 6, 9, 10, 11 in AUNIT (sik_follow_up_metrics).
        #expect(Self.line(a, "restrictive_measures_assessed").current == MetricValue(numerator: 1, denominator: 1))
        #expect(Self.line(a, "active_restrictive_measures").current.value == 1)
        #expect(Self.line(a, "active_unit_measures").current.value == 1)
        // Ages at the period's end (31 Oct 23:00Z): the search 30 d 13 h = 2 638 800 s, UM2 6 d 15 h =
        // 572 400 s; median (2 638 800 + 572 400) / 2 = 1 605 600 s.
        #expect(Self.line(a, "active_measures_median_age_seconds").current.value == 1_605_600)
        #expect(Self.line(a, "measure_reviews_in_time").current == MetricValue(numerator: 1, denominator: 1))
        #expect(Self.line(a, "unit_measures_lifted_by_end").current == MetricValue(numerator: 0, denominator: 1))
        #expect(Self.line(a, "unit_measures_lifted_by_end").currentJudgement == .notMet)
        #expect(Self.line(a, "unit_assessment_current").current == MetricValue(numerator: 1, denominator: 1))
        #expect(Self.line(a, "unit_assessment_current").previous == MetricValue(numerator: 0, denominator: 1))
        // Group 5: the one significant decision is justified; group 13: 1 of the 2 leaves.
        #expect(Self.line(a, "significant_decisions_justified").current == MetricValue(numerator: 1, denominator: 1))
        #expect(Self.line(a, "significant_type_decisions_recorded").current == MetricValue(numerator: 1, denominator: 2))
        #expect(Self.line(a, "significant_type_decisions_recorded").currentJudgement == .notMet)
        #expect(Self.line(b, "significant_type_decisions_recorded").currentJudgement == .noData)
        // The P1 violence against staff owes its debriefing offer by 1 Nov 22:30Z, after the period:
        // nothing is owed yet — no data, not 0 %.
        #expect(Self.line(a, "staff_safety_events").current.value == 1)
        #expect(Self.line(a, "debriefings_offered_in_time").currentJudgement == .noData)
        // BUNIT: b1 (in time) and the amended D6 (never acknowledged) in October; the 30 Sept 23:30
        // Oslo one is the previous period's — and only that one: D6 left September with its amendment.
        #expect(Self.line(b, "deviations_registered").current.value == 2)
        #expect(Self.line(b, "deviations_acknowledged_in_time").current == MetricValue(numerator: 1, denominator: 2))
        #expect(Self.line(b, "deviations_registered").previous.value == 1)
        #expect(Self.line(b, "deviations_acknowledged_in_time").previousJudgement == .notMet)
        // D6 counts under its amended category; nothing is left under the original one.
        #expect(b.breakdown.filter { $0.dimension == "deviation_category" } == [.init(dimension: "deviation_category", key: "count_mismatch", count: 2)])
        #expect(b.previousBreakdown.filter { $0.dimension == "deviation_category" } == [.init(dimension: "deviation_category", key: "key_control", count: 1)])
        // Report delays 0 s (b1), 2 h (S1) and 1 day (D6, from its amended occurrence): median 7 200 s.
        #expect(Self.line(b, "median_report_delay_seconds").current.value == 7200)
        #expect(b.reporterRoles == [.init(dimension: "reporter_role", key: "duty_officer", count: 3)])
        // S1's debriefing: offered at the limit, held late.
        #expect(Self.line(b, "staff_safety_events").current.value == 1)
        #expect(Self.line(b, "debriefings_offered_in_time").current == MetricValue(numerator: 1, denominator: 1))
        #expect(Self.line(b, "debriefings_held_in_time").current == MetricValue(numerator: 0, denominator: 1))
        // No unit risk assessment is a finding (0 of 1), not a lack of data.
        #expect(Self.line(b, "unit_assessment_current").current == MetricValue(numerator: 0, denominator: 1))
        #expect(Self.line(b, "unit_assessment_current").currentJudgement == .notMet)
        #expect(b.departures.isEmpty)
        // CUNIT: no data — never 0 %.
        #expect(Self.line(cu, "deviations_acknowledged_in_time").currentJudgement == .noData)
        #expect(Self.line(cu, "deviations_acknowledged_in_time").current.number(.share) == nil)
        #expect(Self.line(cu, "p1_ack_median_seconds").current.value == nil)
        #expect(cu.chainVerifies == true)
        // Roll-up: 6 deviations, 3 acknowledged in time; medians over all units in SQL.
        #expect(Self.line(all, "deviations_acknowledged_in_time").current == MetricValue(numerator: 3, denominator: 6))
        #expect(Self.line(all, "p1_ack_median_seconds").current.value == 300.5)
        #expect(Self.line(all, "main_rule_departures").current.value == 1)
        #expect(Self.line(all, "staff_safety_events").current.value == 2)
        #expect(Self.line(all, "debriefings_held_in_time").current == MetricValue(numerator: 0, denominator: 1))
        #expect(Self.line(all, "unit_assessment_current").current == MetricValue(numerator: 1, denominator: 3))
        #expect(all.chainVerifies == nil)

        // Every format: the numbers present, the manipulation reporter absent.
        let text = TextRenderer(language: .en).render(r)
        let md = TextRenderer(language: .nb, markdown: true).render(r)
        let csv = CSVRenderer().render(r)
        let json = try JSONRenderer().render(r)
        let html = HTMLRenderer(language: .en).render(r)
        for out in [text, md, csv, json, html] {
            #expect(!out.contains(f.reporter))
            #expect(!out.contains("ingridrep"))
        }
        #expect(text.contains("25.0 % (1/4)"))
        #expect(md.contains("25,0 % (1/4)"))
        #expect(text.contains("no data"))
        #expect(text.contains("Justification: Gjentatte funn av brukerutstyr"))
        #expect(md.contains("Begrunnelse: Gjentatte funn av brukerutstyr"))
        #expect(html.contains("25.0 % (1/4)"))
        // Self-contained HTML: no external reference of any kind.
        for needle in ["http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link"] {
            #expect(!html.contains(needle), "\(needle)")
        }
        #expect(html.contains("<svg role=\"img\""))
        // CSV: one row per metric per section, RFC 4180 line ends.
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 4 * SIKMetric.all.count)
        #expect(rows.contains { $0.hasPrefix("OST,AUNIT,1,deviations_acknowledged_in_time,share,2026-10-01,2026-10-31,2,4,0.5,not_met,") })
        #expect(rows.contains { $0.hasPrefix("OST,CUNIT,1,deviations_acknowledged_in_time,share,2026-10-01,2026-10-31,0,0,,no_data,") })
    }

    @Test func managersQueryTheFunctionsWithTheirOwnLogin() throws {
        let f = try Self.fixture()
        let window = "'2026-09-30T22:00:00Z', '2026-10-31T23:00:00Z'"
        // The manager of AUNIT only: AUNIT works (positive control)…
        #expect(try f.db.sql("SELECT numerator || '/' || denominator FROM sik_metrics(ARRAY['AUNIT'], \(window)) WHERE metric = 'deviations_acknowledged_in_time'", user: f.managerA) == "2/4")
        // …a region roll-up that includes a unit they cannot see is refused, whatever it holds.
        for units in ["ARRAY['AUNIT','BUNIT']", "ARRAY['CUNIT']", "ARRAY['NOSUCH']"] {
            for fn in ["sik_metrics(\(units), \(window))", "sik_follow_up_metrics(\(units), \(window))",
                       "sik_main_rule_departures(\(units), \(window))", "sik_breakdown(\(units), \(window))",
                       "sik_reporter_roles(\(units), \(window))", "sik_overdue_deviations(\(units), now())"] {
                #expect(throws: (any Error).self) { try f.db.sql("SELECT count(*) FROM \(fn)", user: f.managerA) }
            }
        }
        // Reporter roles leave the manipulation report out and never name anyone: AUNIT's October
        // entries are D1–D4, the P1 and the 1 October escape (the 1 November one is outside).
        let roles = try f.db.sql("SELECT string_agg(role || '=' || count, ',') FROM sik_reporter_roles(ARRAY['AUNIT'], \(window))", user: f.manager)
        #expect(roles == "duty_officer=6")
        #expect(!roles.contains("ingridrep"))
        // BUNIT: b1, S1 and the amended D6, counted by its amended time of occurrence (by the
        // original one it would be September's).
        #expect(try f.db.sql("SELECT string_agg(role || '=' || count, ',') FROM sik_reporter_roles(ARRAY['BUNIT'], \(window))", user: f.manager) == "duty_officer=3")
        // Groups 9–11 as the manager of AUNIT reproduces them with psql.
        #expect(try f.db.sql("SELECT string_agg(metric || '=' || coalesce(numerator || '/' || denominator, value::text, '-'), ',' ORDER BY metric) FROM sik_follow_up_metrics(ARRAY['AUNIT'], \(window)) WHERE metric IN ('measure_reviews_in_time', 'unit_assessment_current', 'unit_measures_lifted_by_end', 'active_unit_measures')", user: f.managerA)
                == "active_unit_measures=1,measure_reviews_in_time=1/1,unit_assessment_current=1/1,unit_measures_lifted_by_end=0/1")
        // Group 6's departures as the manager sees them with psql: rule and justification, no person.
        #expect(try f.db.sql("SELECT string_agg(unit_code || ':' || type || ':' || array_to_string(rules, '+') || ':' || justification, ',') FROM sik_main_rule_departures(ARRAY['AUNIT'], \(window))", user: f.managerA)
                == "AUNIT:search:security_over_order:Gjentatte funn av brukerutstyr")
    }
}
