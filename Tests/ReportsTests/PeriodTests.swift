import Foundation
import Reports
import Testing
import VaktloggCore

/// Report periods are Oslo calendar days: a month across the DST change is not 31 × 24 hours.
@Suite("SIK report periods")
struct PeriodTests {
    @Test func namedPeriods() throws {
        let now = try #require(OsloTime.parse("2026-12-01 23:00"))
        #expect(ReportPeriod.named("last-month", now: now)?.first.description == "2026-11-01")
        #expect(ReportPeriod.named("last-month", now: now)?.last.description == "2026-11-30")
        #expect(ReportPeriod.named("last-quarter", now: now)?.first.description == "2026-07-01")
        #expect(ReportPeriod.named("last-quarter", now: now)?.last.description == "2026-09-30")
        #expect(ReportPeriod.named("2026-Q3", now: now)?.days == 92)
        #expect(ReportPeriod.named("2026", now: now)?.days == 365)
        #expect(ReportPeriod.named("2026-13", now: now) == nil)
        #expect(ReportPeriod.named("2026-Q5", now: now) == nil)
        #expect(ReportPeriod.named("26-10", now: now) == nil)
    }

    @Test func octoberAcrossTheDSTChangeIs745Hours() throws {
        let october = try #require(ReportPeriod.named("2026-10", now: Date()))
        #expect(october.end.timeIntervalSince(october.start) == 745 * 3600)
        #expect(Timestamp.format(october.start) == "2026-09-30T22:00:00Z")
        #expect(Timestamp.format(october.end) == "2026-10-31T23:00:00Z")
        #expect(october.previous.first.description == "2026-08-31")
        #expect(october.previous.last.description == "2026-09-30")
    }
}
