import Dashboard
import Foundation
import Testing

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
        #expect(effects == [.reconnect])
        #expect(ticked.now == later.addingTimeInterval(2))
        #expect(DashboardReducer.reduce(s, .tick(later)).1.isEmpty, "connected: a tick only moves the clock")
        let (back, reread) = DashboardReducer.reduce(ticked, .connectionRegained(at: later))
        #expect(back.connection == .connected)
        #expect(reread == [.reloadQueue])
        let inDetail = Fixtures.press(lost, .enter).0
        #expect(DashboardReducer.reduce(inDetail, .connectionRegained(at: later)).1 == [.reloadQueue, .openDetail(ref: "OSLO-1")])
    }

    @Test func aChangeHintRereadsAndNeverCarriesData() {
        #expect(DashboardReducer.reduce(s, .changeHinted).1 == [.reloadQueue])
        let inDetail = Fixtures.press(s, .enter).0
        #expect(DashboardReducer.reduce(inDetail, .changeHinted).1 == [.reloadQueue, .openDetail(ref: "OSLO-1")])
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
