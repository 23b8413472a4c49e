import Foundation
import Testing
import VaktloggTestSupport

/// `vaktlogg escalate --once` end to end: a passed deadline escalated once and shown by `show`, a
/// second run appending nothing, a role that may not escalate refused with nothing written.
@Suite struct EscalateCommandTests {
    @Test func escalatesAPassedDeadlineOnceAndShowShowsIt() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        // Reported three days ago: the 24-hour acknowledgement has passed, treatment and closing not.
        _ = try w.db.overdueDeviation(unit: "OSLO", as: officer)
        let overdue = try w.sql("SELECT ref FROM entries ORDER BY id LIMIT 1")
        _ = try w.log(officer, "deviation", ["--category", "door_lock", "--text", "Ny feil", "--probability", "2", "--consequence", "2"])

        let refused = try w.run(officer, ["escalate", "--once"])
        #expect(refused.exitCode == 77, "\(refused)")
        #expect(refused.stderr == "vaktlogg: din rolle kan ikke gjøre dette\n")
        #expect(try w.count("entry_events", where: "event = 'escalated'") == 0)

        let noOnce = try w.run(coordinator, ["escalate"])
        #expect(noOnce.exitCode == 64, "\(noOnce)")
        #expect(noOnce.stderr == "vaktlogg: oppgi --once (den periodiske eskaleringen kjører i tjenesten)\n")

        let first = try w.run(coordinator, ["escalate", "--once", "--json"])
        #expect(first.exitCode == 0, "\(first)")
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Int]
        #expect(json == ["escalated": 1])
        #expect(try w.sql("SELECT e.ref || ':' || (ev.data ->> 'deadline') FROM entry_events ev JOIN entries e ON e.id = ev.entry_id WHERE ev.event = 'escalated'")
                    == "\(overdue):ack")

        let again = try w.run(coordinator, ["escalate", "--once"])
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout == "ingen frister å eskalere\n")
        let againEn = try w.run(coordinator, ["escalate", "--once", "--lang", "en"])
        #expect(againEn.stdout == "no deadlines to escalate\n")
        #expect(try w.count("entry_events", where: "event = 'escalated'") == 1)

        let show = try w.run(coordinator, ["show", overdue])
        #expect(show.exitCode == 0, "\(show)")
        #expect(show.stdout.contains("eskalert: frist for kvittering ("), "\(show.stdout)")
        #expect(show.stdout.contains(") passert"), "\(show.stdout)")
    }
}
