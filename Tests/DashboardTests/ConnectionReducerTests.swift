import Dashboard
import Foundation
import Testing
import VaktloggCore

/// Losing and regaining the database, change hints, ticks and resizes.
@Suite struct ConnectionReducerTests {
    let s = Fixtures.state()
    let later = Fixtures.now.addingTimeInterval(125)

    @Test func aLostConnectionKeepsTheDataMarkedStaleWithTheLastGoodRead() {
        let (lost, effects) = DashboardReducer.reduce(s, .connectionLost(at: later))
        #expect(effects.isEmpty)
        #expect(lost.connection == .lost(since: later, lastGoodRead: Fixtures.now))
        #expect(lost.entries == s.entries, "the last data stays on screen")
        let (again, _) = DashboardReducer.reduce(lost, .connectionLost(at: later.addingTimeInterval(9)))
        #expect(again.connection == lost.connection, "the first loss is the one shown")
    }

    @Test func whileLostEachTickTriesToReconnectAndARegainRereadsEverything() {
        let lost = DashboardReducer.reduce(s, .connectionLost(at: later)).0
        let (ticked, effects) = DashboardReducer.reduce(lost, .tick(later.addingTimeInterval(2)))
        #expect(effects == [.countSpool, .reconnect])
        #expect(ticked.now == later.addingTimeInterval(2))
        #expect(DashboardReducer.reduce(s, .tick(later)).1 == [.countSpool], "connected: a tick moves the clock and counts the spool")
        let (back, reread) = DashboardReducer.reduce(ticked, .connectionRegained(at: later))
        #expect(back.connection == .connected)
        #expect(reread == [.reloadQueue, .countSpool])
        let inDetail = Fixtures.press(lost, .enter).0
        #expect(DashboardReducer.reduce(inDetail, .connectionRegained(at: later)).1 == [.reloadQueue, .openDetail(ref: "OSLO-1"), .countSpool])
    }

    @Test func aChangeHintRereadsAndNeverCarriesData() {
        #expect(DashboardReducer.reduce(s, .changeHinted).1 == [.reloadQueue, .countSpool])
        let inDetail = Fixtures.press(s, .enter).0
        #expect(DashboardReducer.reduce(inDetail, .changeHinted).1 == [.reloadQueue, .openDetail(ref: "OSLO-1"), .countSpool])
        #expect(DashboardReducer.reduce(s, .changeHinted).0 == s)
    }

    @Test func aResizeKeepsTheSelectionInView() {
        let big = Fixtures.press(Fixtures.state(entries: QueueReducerTests.many), .end).0
        #expect(big.queueTop == 40)
        let (small, _) = DashboardReducer.reduce(big, .resize(rows: 10, columns: 60))
        #expect(small.rows == 10 && small.columns == 60)
        #expect(small.queueTop == 54, "6 table rows; the last one is the selection")
        let (tall, _) = DashboardReducer.reduce(small, .resize(rows: 43, columns: 132))
        #expect(tall.queueTop == 21)
    }
}

/// A new P1 rings the bell once; not on the first read, not for other priorities, not with --quiet.
@Suite struct NewP1BellTests {
    let s = Fixtures.state()

    @Test func aNewP1RingsTheBell() {
        let newP1 = Fixtures.entry(9, .p1, minutesAgo: 0)
        #expect(DashboardReducer.reduce(s, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now)).1 == [.bell])
        #expect(DashboardReducer.reduce(s, .queueLoaded(Fixtures.queue, at: Fixtures.now)).1.isEmpty, "same P1s: no bell")
        let newP2 = Fixtures.entry(9, .p2, minutesAgo: 0)
        #expect(DashboardReducer.reduce(s, .queueLoaded([newP2] + Fixtures.queue, at: Fixtures.now)).1.isEmpty)
    }

    @Test func notOnTheFirstReadNorWhenQuiet() {
        _ = Fixtures.locale
        let fresh = DashboardState(viewer: Fixtures.viewer, language: .nb, rows: 24, columns: 80, now: Fixtures.now)
        #expect(DashboardReducer.reduce(fresh, .queueLoaded(Fixtures.queue, at: Fixtures.now)).1.isEmpty)
        var quiet = s
        quiet.quiet = true
        let newP1 = Fixtures.entry(9, .p1, minutesAgo: 0)
        #expect(DashboardReducer.reduce(quiet, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now)).1.isEmpty)
    }
}
