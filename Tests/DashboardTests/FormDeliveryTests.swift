import Dashboard
import Foundation
import Logging
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The form's draft against a real database: judged by the same rules as `vaktlogg log`, stored by
/// the Store's write path under the officer's own login, and put in the spool — never lost — when
/// the connection is gone; the spooled file is the one `vaktlogg sync` delivers.
@Suite struct FormDeliveryTests {
    static func draft() -> EntryDraft {
        var d = EntryDraft(kind: .incident, category: "violence_staff", text: "Slo betjent")
        d.probability = 3
        d.consequence = 4
        d.persons = [.init(role: .inmate, ref: "INN-1001")]
        return d
    }

    static func source(_ db: VaktloggTestDatabase, _ user: String, spool: URL) throws -> DashboardSource {
        let source = DashboardSource(connection: try db.connect(user: user), connect: { try db.connect(user: user) },
                                     logger: Logger(label: "test"))
        source.spool = Spool(directory: spool)
        source.spoolUser = user
        return source
    }

    @Test func aJudgedDraftIsStoredAndOnALostConnectionSpooledWithItsKey() throws {
        let db = try VaktloggTestDatabase.create(prefix: "form", units: ["OSLO"])
        let ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        let spoolDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("form-spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: spoolDir) }
        let source = try Self.source(db, ola, spool: spoolDir)
        let now = Date()

        guard case .draftJudged(let judgement, let stamped) = source.judge(Self.draft(), now: now, language: .nb) else {
            Issue.record("not judged")
            return
        }
        #expect(judgement.priority == .p1 && judgement.riskScore == 12)
        #expect(judgement.deadlines.map(\.code) == ["p1_acknowledge"])
        #expect(stamped.reportedAt == now && stamped.idempotencyKey != nil)

        let events = source.log(stamped, now: now, language: .nb)
        guard case .entryLogged(_, let ref, let priority, let again, _)? = events.first else {
            Issue.record("not logged: \(events)")
            return
        }
        #expect(priority == .p1 && !again && ref.hasPrefix("OSLO-"))
        #expect(try db.sql("SELECT count(*) FROM entries WHERE ref = '\(ref)' AND priority = 'P1'") == "1")
        // The same draft again (its answer lost, say) is stored once.
        guard case .entryLogged(_, let ref2, _, let again2, _)? = source.log(stamped, now: now, language: .nb).first else {
            Issue.record("second attempt")
            return
        }
        #expect(ref2 == ref && again2)

        // The database goes away under the form: the next draft goes to the spool.
        source.dropConnection()
        guard case .draftJudged(_, let second) = source.judge(Self.draft(), now: now, language: .nb) else {
            Issue.record("judging needs no database")
            return
        }
        let lost = source.log(second, now: now, language: .nb)
        #expect(lost.count == 2, "\(lost)")
        guard case .entrySpooled? = lost.first, case .connectionLost? = lost.last else {
            Issue.record("not spooled: \(lost)")
            return
        }
        let pending = Spool(directory: spoolDir).pending()
        #expect(pending.items.count == 1 && pending.unreadable.isEmpty)
        // The spool keeps the key and the reported time (to the second, as its JSON does).
        let item = try #require(pending.items.first)
        #expect(item.draft.idempotencyKey == second.idempotencyKey && item.user == ola)
        #expect(item.draft.persons == second.persons && item.draft.category == "violence_staff")
        #expect(abs((item.draft.reportedAt ?? .distantPast).timeIntervalSince(now)) < 1)
        #expect(source.spoolCount() == 1)
        #expect(try db.sql("SELECT count(*) FROM entries") == "1", "nothing stored while away")
    }

    @Test func aRefusalNamesItsFieldAndNothingIsSpooled() throws {
        let db = try VaktloggTestDatabase.create(prefix: "formr", units: ["OSLO", "ILA"])
        let ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        let spoolDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("form-spool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: spoolDir) }
        let source = try Self.source(db, ola, spool: spoolDir)
        var d = Self.draft()
        d.unit = "ILA"
        guard case .draftJudged(_, let stamped) = source.judge(d, now: Date(), language: .nb) else {
            Issue.record("not judged")
            return
        }
        let events = source.log(stamped, now: Date(), language: .nb)
        guard case .entryRefused(let field, let message)? = events.first else {
            Issue.record("not refused: \(events)")
            return
        }
        #expect(field == "unit", "\(message)")
        #expect(Spool(directory: spoolDir).count == 0)
        #expect(try db.sql("SELECT count(*) FROM entries") == "0")
    }
}
