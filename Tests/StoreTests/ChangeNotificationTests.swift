import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Every change NOTIFYs the unit's channel (named in `my_channels()`) with ids only — never text or persons.
@Suite("Change notifications")
struct ChangeNotificationTests {
    @Test func loggingAndAcknowledgingNotifyWithIdsOnly() throws {
        let db = try VaktloggTestDatabase.create(prefix: "notify", units: ["OSLO"])
        let officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        let listener = try db.connect(user: officer)
        defer { listener.close() }
        #expect(try listener.listenForChanges().keys.sorted() == ["OSLO"])

        let writer = try db.connect(user: officer)
        defer { writer.close() }
        var draft = EntryDraft(kind: .incident, category: "self_harm", text: "Kuttskader hos K-2026-0042 – sensitivt")
        draft.unit = "OSLO"
        draft.probability = 2
        draft.consequence = 4
        draft.persons = [.init(role: .inmate, ref: "K-2026-0042")]
        let e = try StoreSession(connection: writer).entries.log(draft)
        try StoreSession(connection: writer).lifecycle.record(.acknowledge, on: e.ref)

        var received: [PostgresNotification] = []
        let deadline = Date().addingTimeInterval(5)
        while received.count < 2, Date() < deadline {
            received += try listener.waitForNotifications(timeout: .seconds(1))
        }
        let payloads = received.map { (try? JSONSerialization.jsonObject(with: Data($0.payload.utf8))) as? [String: Any] ?? [:] }
        #expect(payloads.count == 2)
        #expect(payloads.map { $0["table"] as? String } == ["entries", "entry_events"])
        #expect(payloads.allSatisfy { ($0["entry"] as? Int).map(Int64.init) == e.id && $0["unit"] as? String == "OSLO" })
        for n in received {
            #expect(!n.payload.contains("K-2026"), "no person reference in a payload")
            #expect(!n.payload.contains("Kuttskader"), "no text in a payload")
            #expect(Set(((try? JSONSerialization.jsonObject(with: Data(n.payload.utf8))) as? [String: Any] ?? [:]).keys)
                    == ["table", "id", "entry", "unit"])
        }
    }
}
