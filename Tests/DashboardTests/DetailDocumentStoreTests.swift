import Dashboard
import Foundation
import Logging
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The detail screen of an entry read from a real database: the amended text with the original
/// and the reason, the measure and decision by their labels, deadlines with time left, and the
/// stored rule trace in words (the sentences `show` prints).
@Suite struct DetailDocumentStoreTests {
    @Test func amendmentsMeasuresDecisionsDeadlinesAndTheTraceInWords() throws {
        _ = Fixtures.locale
        let db = try VaktloggTestDatabase.create(prefix: "detail", units: ["OSLO"])
        let ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        let kari = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
        let logged = try db.openP1(unit: "OSLO", as: ola)
        let kariConnection = try db.connect(user: kari)
        defer { kariConnection.close() }
        let facts = FactWriter(kariConnection)
        try facts.amendment(entry: logged.id)
        try facts.measure(entry: logged.id, unit: "OSLO")
        try facts.decision(entry: logged.id, unit: "OSLO")

        let source = DashboardSource(connection: try db.connect(user: kari), connect: { try db.connect(user: kari) },
                                     logger: Logger(label: "test"))
        let detail = try source.detail(ref: logged.ref)
        let now = Date()
        let lines = DetailDocument.lines(detail, language: .nb, width: 120, now: now).map(\.text)
        let text = lines.joined(separator: "\n")
        func after(_ heading: String) -> [String] {
            guard let i = lines.firstIndex(of: heading) else { return [] }
            return Array(lines[(i + 1)...].prefix { !$0.isEmpty })
        }
        #expect(after("Tekst").first == "  Betjent slått i korridor C under innlåsing", "\(text)")
        #expect(after("Tekst").contains(" Opprinnelig tekst:") && after("Tekst").last == "  Betjent slått", "\(text)")
        let amendments = after("Rettelser")
        #expect(amendments.count == 2, "\(text)")
        #expect(amendments.last == "  begrunnelse: feil korridor", "\(text)")
        #expect(after("Tiltak").first?.hasSuffix(": ekstra kontroll") == true, "\(text)")
        #expect(after("Vedtak").first?.hasSuffix(": Økt bemanning i korridor B") == true, "\(text)")
        let deadline = try #require(after("Frister").first, "\(text)")
        #expect(deadline.hasPrefix("  kvittering (P1) ") && deadline.contains("(om "), "\(text)")
        let trace = after("Regelvurdering (regelsett ksf-2006.2):")
        #expect(trace.count >= 2, "\(text)")
        #expect(trace.contains { $0.hasPrefix("  • ") && $0.contains("P1") }, "\(text)")
        #expect(!text.contains("extra_control") && !text.contains("life_health"), "labels, not codes:\n\(text)")
    }
}
