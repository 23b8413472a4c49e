import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #8 hole 11: any login received every unit's notifications. PostgreSQL has no privilege on
/// LISTEN, so each unit's channel has a random name only its users can learn; the shared channel
/// carries nothing.
@Suite("Attack: notifications")
struct NotificationAttackTests {
    /// Waits until `marker` arrives on `connection` and returns everything received before it.
    /// Notifications reach a listener in commit order, so whatever an earlier commit sent to a channel
    /// it listens on has arrived by then.
    static func receivedBefore(_ marker: String, on connection: Connection) throws -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        let deadline = Date().addingTimeInterval(10)
        while !received.contains(where: { $0.payload == marker }), Date() < deadline {
            received += try connection.waitForNotifications(timeout: .seconds(1))
        }
        #expect(received.contains { $0.payload == marker }, "the marker arrived")
        return received.filter { $0.payload != marker }
    }

    @Test func anotherUnitHearsNothingAndCannotLearnTheChannel() throws {
        let org = try AttackOrganisation("notify1")
        let eavesdropper = try org.db.connect(user: org.per)
        defer { eavesdropper.close() }
        // He learns his own unit's channel only, and cannot read the table of names.
        let his = try eavesdropper.listenForChanges()
        #expect(his.keys.sorted() == ["HAVNES"])
        try eavesdropper.listen("vaktlogg")
        #expect(try org.refusal("SELECT * FROM unit_channels", as: org.per).sqlState == "42501")
        #expect(try org.refusal("SELECT notify_change('entries', 1, 1, 'BJORKVIK')", as: org.per).sqlState == "42501")
        let colleague = try org.db.connect(user: org.ingrid)
        defer { colleague.close() }
        let ours = try colleague.listenForChanges()
        #expect(ours.keys.sorted() == ["BJORKVIK"])
        #expect(ours["BJORKVIK"] != his["HAVNES"])
        #expect(ours["BJORKVIK"]!.count >= 40, "a random name, not a guessable one")

        let e = try org.incident(by: org.ola)
        // Positive control: BJORKVIK's own listener gets the hint, ids only.
        try org.db.sql("SELECT pg_notify('\(ours["BJORKVIK"]!)', 'marker')")
        let hints = try Self.receivedBefore("marker", on: colleague)
        #expect(hints.count == 1)  // the entry (ids only)
        #expect(hints.allSatisfy { $0.payload.contains("\"entry\" : \(e.id)") && !$0.payload.contains("K-2026") })
        // HAVNES's officer, listening on his channel and on the old shared one, got nothing.
        try org.db.sql("SELECT pg_notify('\(his["HAVNES"]!)', 'marker')")
        #expect(try Self.receivedBefore("marker", on: eavesdropper).isEmpty)
    }

    @Test func channelsGoOnlyToActiveUsersAndCanBeRenewed() throws {
        let org = try AttackOrganisation("notify2")
        let before = try org.db.sql("SELECT channel FROM my_channels()", user: org.ola)
        #expect(try org.db.sql("SELECT string_agg(unit_code, ',') FROM my_channels()", user: org.erik) == "BJORKVIK,HAVNES")
        try org.db.sql("UPDATE app_users SET disabled_at = now() WHERE name = '\(org.ingrid)'")
        #expect(try org.db.sql("SELECT count(*) FROM my_channels()", user: org.ingrid) == "0")
        #expect(try org.refusal("SELECT admin_renew_channels()", as: org.kari).hint == "vaktlogg:admin_required")
        try org.db.sql("SELECT admin_renew_channels()", user: org.adm)
        #expect(try org.db.sql("SELECT channel FROM my_channels()", user: org.ola) != before)
    }
}
