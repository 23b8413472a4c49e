import Foundation
@testable import Postgres
import Testing

@Suite struct NotificationTests {
    @Test func notificationWakesAWaitingListener() throws {
        let fixture = try Fixture()
        let listener = try fixture.connect()
        try listener.listen("entry changed")  // needs quoting: proves escapeIdentifier is used
        let dsn = fixture.connectionString
        // No sleep to line the two up: whether the notification arrives before or during the wait,
        // it must be returned, and a wait that ran out instead returns nothing (count below).
        let sender = Thread {
            // A connection belongs to one thread: this one is made and used here only.
            guard let notifier = try? Connection(dsn) else { return }
            try? notifier.notify("entry changed", payload: "id=42 æøå")
            try? notifier.notify("other", payload: "ignored")
        }
        sender.start()
        let received = try listener.waitForNotifications(timeout: .seconds(60))
        #expect(received.count == 1)
        #expect(received.first?.channel == "entry changed")
        #expect(received.first?.payload == "id=42 æøå")
        #expect(received.first?.pid != listener.backendPID)
        #expect(received.first?.pid ?? 0 > 0)
    }

    @Test func waitTimesOutWithNothing() throws {
        let conn = try Fixture().connect()
        try conn.listen("quiet")
        #expect(try conn.waitForNotifications(timeout: .milliseconds(150)).isEmpty)
        #expect(try conn.waitForNotifications(timeout: .zero).isEmpty)
    }

    @Test func notificationArrivingDuringAQueryIsBuffered() throws {
        let fixture = try Fixture()
        let listener = try fixture.connect()
        let notifier = try fixture.connect()
        try listener.listen("jobs")
        try notifier.notify("jobs", payload: "first")
        try notifier.notify("jobs", payload: "second")
        // This query's response carries the notifications; they must not be lost.
        #expect(try listener.query("SELECT 1").first?.decode(Int.self, column: 0) == 1)
        // Kill the notifier so nothing new can arrive, then collect without waiting.
        notifier.close()
        let received = try listener.waitForNotifications(timeout: .zero)
        #expect(received.map(\.payload) == ["first", "second"])
        #expect(try listener.waitForNotifications(timeout: .zero).isEmpty)
    }

    @Test func notificationsInAQueryResponseAreDrainedIntoTheBuffer() throws {
        let conn = try Fixture().connect()
        try conn.listen("self")
        // A session's own notification is sent at its commit, ahead of the query's completion,
        // so it is in this very response: query() must have moved it to the buffer already.
        try conn.notify("self", payload: "x")
        #expect(conn.pendingNotifications.map(\.payload) == ["x"])
        #expect(try conn.waitForNotifications(timeout: .zero).map(\.payload) == ["x"])
        #expect(conn.pendingNotifications.isEmpty)
    }

    @Test func ownNotificationsAtCommitAndUnlisten() throws {
        let conn = try Fixture().connect()
        try conn.withListener("self") { conn in
            try conn.transaction { conn in try conn.notify("self", payload: "a") }
        }
        #expect(try conn.waitForNotifications(timeout: .zero).map(\.payload) == ["a"])
        // After withListener the channel is no longer listened to.
        try conn.notify("self", payload: "b")
        #expect(try conn.waitForNotifications(timeout: .milliseconds(100)).isEmpty)
    }
}

extension NotificationTests {
    @Test func waitingListenerSeesConnectionLoss() throws {
        let fixture = try Fixture()
        let listener = try fixture.connect()
        try listener.listen("anything")
        let pid = listener.backendPID
        let dsn = fixture.connectionString
        Thread {
            // Before or during the wait, the loss must be reported (no sleep to line them up).
            guard let admin = try? Connection(dsn) else { return }
            _ = try? admin.query("SELECT pg_terminate_backend(\(pid), 5000)")
        }.start()
        let error = try #require(throws: PostgresError.self) {
            try listener.waitForNotifications(timeout: .seconds(20))
        }
        #expect(error.kind == .connectionLost)
    }
}
