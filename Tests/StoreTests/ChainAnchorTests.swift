import Foundation
import Store
import Testing
import VaktloggTestSupport
import VaktloggCore

@Suite("Exported chain heads")
struct ChainAnchorTests {
    @Test func headsRoundTripAsJSONLinesAndAsADocument() throws {
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let heads = [
            ChainHead(unit: "OSLO", rows: 12, head: String(repeating: "ab", count: 32), verifiedAt: at),
            ChainHead(unit: "BERGEN", rows: 0, head: String(repeating: "0F", count: 32), verifiedAt: at),
        ]
        let file = ChainHead.file(heads)
        #expect(file.hasPrefix("{\"unit\":\"OSLO\",\"rows\":12,\"head\":\"abab"))
        #expect(file.contains("\"verified_at\":\"2026-11-18T"))
        #expect(file.split(separator: "\n").count == 2)
        #expect(try ChainHead.parse(file) == heads)
        #expect(try ChainHead.parse("\n" + file + "\n\n") == heads, "blank lines are skipped")
        let document = "[" + heads.map(\.jsonLine).joined(separator: ",\n") + "]"
        #expect(try ChainHead.parse(document) == heads)
    }

    @Test func aFileThatIsNotHeadsNamesTheLine() throws {
        let good = ChainHead(unit: "OSLO", rows: 1, head: String(repeating: "a", count: 64), verifiedAt: Date()).jsonLine
        #expect(throws: ChainHeadFileError(line: 2)) { try ChainHead.parse(good + "\nnot json\n") }
        #expect(throws: ChainHeadFileError(line: 1)) {
            try ChainHead.parse(#"{"unit":"OSLO","rows":1,"head":"abc","verified_at":"2026-11-18T00:00:00Z"}"#)
        }
        #expect(throws: ChainHeadFileError(line: 1)) {
            try ChainHead.parse(#"{"unit":"OSLO","rows":-1,"head":"\#(String(repeating: "a", count: 64))","verified_at":"2026-11-18T00:00:00Z"}"#)
        }
    }

    /// OSLO with 6 rows exported, then 4 more written.
    private func exportedThenExtended(_ f: ChainFixture) throws -> (ChainHead, [Int64]) {
        let officer = try f.writer(f.officer)
        var ids: [Int64] = []
        for _ in 1...3 { let id = try officer.entry(unit: "OSLO").id; try officer.comment(entry: id); ids.append(id) }
        let exported = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verify(unit: "OSLO")
        #expect(exported.ok && exported.rows == 6)
        for _ in 1...2 { let id = try officer.entry(unit: "OSLO").id; try officer.comment(entry: id); ids.append(id) }
        let head = try #require(try ChainHead.parse(ChainHead.file([exported.exportedHead])).first)
        return (head, ids)
    }

    @Test func aGrownChainStillHoldsItsExportedHead() throws {
        let f = try ChainFixture.make()
        let (head, _) = try exportedThenExtended(f)
        let verifier = ChainVerifier(connection: try f.db.connect(user: f.officer))
        let result = try verifier.verify(unit: "OSLO", against: [head])
        #expect(result.ok)
        #expect(result.rows == 10)
        #expect(result.anchor == head)
        #expect(result.message(.nb).hasSuffix("stemmer med hodet eksportert \(head.verifiedAtText) (seq 6)"))
        // An empty chain's head (the genesis hash) holds too, and heads of other units are ignored.
        let genesis = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verify(unit: "BERGEN").exportedHead
        let all = try verifier.verifyAll(against: [genesis, head])
        #expect(all.map(\.unit) == ["OSLO"], "the officer sees OSLO's chain, and only it")
        #expect(all.allSatisfy { $0.ok })
        let audited = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verifyAll(against: [genesis, head])
        #expect(audited.map(\.unit) == ["BERGEN", "OSLO"])
        #expect(audited.map(\.ok) == [true, true])
        #expect(try ChainVerifier(connection: f.db.connect(user: f.auditor)).verify(unit: "BERGEN", against: [genesis]).ok)
    }

    @Test func aRewrittenHistoryPassesVerifyButNotItsExportedHead() throws {
        let f = try ChainFixture.make()
        let (head, ids) = try exportedThenExtended(f)
        try Tamper.changeEntryText(f.db, id: ids[1])
        try Tamper.rewriteChain(f.db, unit: "OSLO")
        let verifier = ChainVerifier(connection: try f.db.connect(user: f.auditor))
        // Inside the database the rewrite is complete: the chain verifies again…
        #expect(try verifier.verify(unit: "OSLO").ok)
        // …but the head exported before it no longer matches.
        let result = try verifier.verify(unit: "OSLO", against: [head])
        #expect(result.broken == ChainBreak(table: nil, id: nil, seq: 6, problem: .historyRewritten))
        #expect(result.anchor == head)
        #expect(result.message(.nb).hasPrefix("ENHET OSLO: kjeden er brutt ved seq 6: kjeden avviker fra det eksporterte hodet"))
        #expect(result.jsonLine.contains("\"problem\":\"history_rewritten\""))
        // Any export catches a rewrite of the rows it covers, wherever in them the change is.
        let later = try ChainVerifier(connection: f.db.connect()).verify(unit: "OSLO").exportedHead
        try Tamper.changeEntryText(f.db, id: ids[4])
        try Tamper.rewriteChain(f.db, unit: "OSLO")
        #expect(try verifier.verify(unit: "OSLO", against: [later]).broken?.problem == .historyRewritten)
    }

    @Test func aShortenedChainFailsItsExportedHead() throws {
        let f = try ChainFixture.make()
        let (head, _) = try exportedThenExtended(f)
        try Tamper.truncateChain(f.db, unit: "OSLO", keep: 4)
        let verifier = ChainVerifier(connection: try f.db.connect(user: f.auditor))
        #expect(try verifier.verify(unit: "OSLO").ok, "the shortened chain is consistent in itself")
        let result = try verifier.verify(unit: "OSLO", against: [head])
        #expect(result.broken == ChainBreak(table: nil, id: nil, seq: 5, problem: .shorterThanExport))
    }

    @Test func aBreakInsideTheExportedRowsIsReportedOnce() throws {
        let f = try ChainFixture.make()
        let (head, ids) = try exportedThenExtended(f)
        try Tamper.changeEntryText(f.db, id: ids[0])
        let result = try ChainVerifier(connection: f.db.connect()).verify(unit: "OSLO", against: [head])
        #expect(result.broken?.problem == .contentChanged)
        #expect(result.broken?.seq == 1)
        #expect(result.anchor == nil, "a head beyond the break is not compared")
    }
}

extension ChainHead {
    /// verified_at as the messages write it.
    var verifiedAtText: String {
        let line = jsonLine
        let start = line.range(of: "\"verified_at\":\"")!.upperBound
        return String(line[start...].prefix { $0 != "\"" })
    }
}
