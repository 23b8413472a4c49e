import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport
import VaktloggCore

@Suite("Chain under concurrent writers")
struct ChainConcurrencyTests {
    /// Each unit's seq must be exactly 1…n, every row present.
    private func expectContiguous(_ f: ChainFixture, unit: String, rows: Int) throws {
        let seqs = try f.chain(unit: unit).map(\.seq)
        #expect(seqs == Array(1...Int64(rows)), "\(unit): \(seqs.count) rows, expected 1…\(rows)")
    }

    @Test func writersOnDifferentUnitsRunInParallel() throws {
        let f = try ChainFixture.make()
        let users = [f.officer, f.bergenOfficer]
        let units = ["OSLO", "BERGEN"]
        let db = f.db
        try concurrently(2) { i in
            let writer = FactWriter(try db.connect(user: users[i]))
            for _ in 0..<60 {
                let id = try writer.entry(unit: units[i]).id
                try writer.comment(entry: id)
            }
        }
        for unit in units { try expectContiguous(f, unit: unit, rows: 120) }
        let results = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verifyAll()
        #expect(results.map(\.unit) == ["BERGEN", "OSLO"])
        #expect(results.allSatisfy { $0.ok && $0.rows == 120 })
        let refs = try f.db.connect().query("SELECT ref FROM entries WHERE unit_code = 'OSLO' ORDER BY id").rows
            .map { try $0.decode(String.self, "ref") }
        #expect(Set(refs) == Set((1...60).map { "OSLO-\($0)" }), "references are numbered without gaps")
    }

    @Test func manyWritersOnOneUnitKeepOneContiguousChain() throws {
        let f = try ChainFixture.make()
        let second = try f.db.addUser("per", role: "duty_officer", units: ["OSLO"])
        let users = [f.officer, second, f.officer, f.coordinator]
        let db = f.db
        let verifierRuns = Counter()
        let writing = Flag()
        // 4 writers × 50 inserts, mixing entries, comments and persons; a fifth thread verifies
        // meanwhile and must never see a broken chain in its snapshot.
        try concurrently(5) { i in
            if i == 4 {
                let verifier = ChainVerifier(connection: try db.connect(user: f.auditor))
                repeat {
                    let result = try verifier.verify(unit: "OSLO")
                    if !result.ok { throw StoreError.unexpected("seen_broken", ["detail": result.message(.en)]) }
                    verifierRuns.increment()
                } while writing.isSet || verifierRuns.value == 0
                return
            }
            writing.set(true, by: i)
            defer { writing.set(false, by: i) }
            let writer = FactWriter(try db.connect(user: users[i]))
            var entry: Int64 = 0
            for n in 0..<50 {
                switch n % 5 {
                case 0: entry = try writer.entry(unit: "OSLO").id
                case 4: try writer.person(entry: entry, ref: "SAK-\(i)-\(n)")
                default: try writer.comment(entry: entry)
                }
            }
        }
        try expectContiguous(f, unit: "OSLO", rows: 200)
        let result = try ChainVerifier(connection: f.db.connect(user: f.officer)).verify(unit: "OSLO")
        #expect(result.ok && result.rows == 200)
        #expect(result.head == (try f.recomputedHead(unit: "OSLO")))
        #expect(try f.storedHead(unit: "OSLO").seq == 200)
        #expect(verifierRuns.value > 0)
    }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

/// Which writers are still running (set before the first insert, cleared after the last).
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var running = Set<Int>()
    private var started = false
    func set(_ on: Bool, by writer: Int) {
        lock.withLock {
            if on { running.insert(writer); started = true } else { running.remove(writer) }
        }
    }
    /// True until every writer that started has finished (and before any started).
    var isSet: Bool { lock.withLock { !started || !running.isEmpty } }
}
