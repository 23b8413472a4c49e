import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Every fact kind NOTIFYs with ids only, and the id in the payload is the id of the row written —
/// amendments, measures, decisions, risk assessments and the shift log, not only entries.
@Suite("Change notifications for every fact kind")
struct FactNotificationTests {
    /// Subscribes `listener` to the change notifications its user may see: its units' channels
    /// (`my_channels()`, sql/016).
    static func subscribe(_ listener: Connection) throws {
        _ = try listener.listenForChanges()
    }

    /// Waits for `count` notifications (bounded, so a missing one fails instead of hanging).
    static func collect(_ listener: Connection, count: Int) throws -> [[String: Any]] {
        var received: [PostgresNotification] = []
        for _ in 0..<60 where received.count < count {
            received += try listener.waitForNotifications(timeout: .seconds(1))
        }
        return received.map { (try? JSONSerialization.jsonObject(with: Data($0.payload.utf8))) as? [String: Any] ?? ["raw": $0.payload] }
    }

    @Test func eachFactKindNotifiesTheIdOfItsRow() throws {
        let f = try ChainFixture.make()
        let officer = try f.writer(f.officer)
        let coordinator = try f.writer(f.coordinator)
        let entry = try officer.entry(unit: "OSLO", persons: ["K-2026-0042"]).id

        let listener = try f.db.connect(user: f.coordinator)
        defer { listener.close() }
        try Self.subscribe(listener)
        let written: [(table: String, id: Int64, entry: Int64?)] = [
            ("amendments", try officer.amendment(entry: entry), entry),
            ("measures", try coordinator.measure(entry: entry, unit: "OSLO"), entry),
            ("decisions", try coordinator.decision(entry: entry, unit: "OSLO"), entry),
            ("risk_assessments", try coordinator.riskAssessment(unit: "OSLO", person: "K-2026-0042"), nil),
            ("shift_log", try officer.shiftNote(unit: "OSLO", text: "Rolig natt, K-2026-0042 sov"), nil),
        ]
        let payloads = try Self.collect(listener, count: written.count)
        #expect(payloads.count == written.count, "\(payloads)")
        for w in written {
            let p = payloads.filter { $0["table"] as? String == w.table }
            #expect(p.count == 1, "\(w.table): \(p)")
            guard let payload = p.first else { continue }
            #expect((payload["id"] as? Int).map(Int64.init) == w.id, "\(w.table): payload \(payload), row id \(w.id)")
            #expect(payload["unit"] as? String == "OSLO")
            // The entry the fact belongs to (sql/017), compared below to the row's entry_id; JSON null
            // for facts that belong to no entry.
            if let e = w.entry {
                #expect((payload["entry"] as? Int).map(Int64.init) == e, "\(w.table): \(payload)")
            } else {
                #expect(payload["entry"] is NSNull, "\(w.table): \(payload)")
            }
            #expect(Set(payload.keys) == ["table", "id", "entry", "unit"], "ids only: \(payload)")
        }
        // The rows are those ids (compared to the table, not only to what the writer returned), and
        // the payload's entry is the row's own entry_id.
        for w in written {
            #expect(try f.db.sql("SELECT count(*) FROM \(w.table) WHERE id = \(w.id) AND unit_code = 'OSLO'") == "1", "\(w.table)")
            let column = try f.db.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = '\(w.table)' AND column_name = 'entry_id'")
            let rowEntry = column == "1" ? try f.db.sql("SELECT coalesce(entry_id::text, 'null') FROM \(w.table) WHERE id = \(w.id)") : "null"
            #expect(rowEntry == (w.entry.map(String.init) ?? "null"), "\(w.table): row's entry_id \(rowEntry)")
        }
        let text = payloads.map { "\($0)" }.joined()
        #expect(!text.contains("K-2026") && !text.contains("Rolig"), "no person or text in a payload")
    }
}
