import Foundation
import Testing

/// Many `log` processes at once: every entry stored, references unique and gapless per unit, and
/// each unit's hash chain intact.
@Suite struct ConcurrencyTests {
    /// Runs `body(i)` on `count` threads started together; returns when all have finished.
    static func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for i in 0..<count {
            done.enter()
            Thread {
                start.wait()
                body(i)
                done.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        done.wait()
    }

    @Test func eightLogProcessesOnTwoUnits() throws {
        let w = try CLIWorld()
        let officers = try (0..<8).map { i in try w.user("off\(i)", "duty_officer", ["OSLO", "ILA"]) }
        let perProcess = 5
        let results = Locked<[(Int, VaktloggBinary.Result)]>([])
        Self.together(8) { i in
            let unit = i % 2 == 0 ? "OSLO" : "ILA"
            for j in 0..<perProcess {
                let r: VaktloggBinary.Result?
                if j % 2 == 0 {
                    r = try? w.run(officers[i], ["log", "incident", "--category", "unrest", "--text", "Prosess \(i) nr \(j)",
                                                 "--probability", "\(1 + j)", "--consequence", "2", "--unit", unit])
                } else {
                    r = try? w.run(officers[i], ["log", "deviation", "--input", "-", "--json"], stdin: JSON.text([
                        "kind": "deviation", "category": "count_mismatch", "text": "Prosess \(i) nr \(j)", "probability": 2,
                        "consequence": 2, "unit": unit, "persons": [["role": "inmate", "ref": "INM-\(i)\(j)"]],
                    ]))
                }
                if let r { results.mutate { $0.append((i, r)) } }
            }
        }
        let all = results.value
        #expect(all.count == 8 * perProcess)
        #expect(all.allSatisfy { $0.1.exitCode == 0 }, "\(all.filter { $0.1.exitCode != 0 }.map(\.1))")
        #expect(try w.count("entries") == 40)
        #expect(try w.count("entry_state") == 40)
        #expect(try w.count("entry_persons") == 16)
        #expect(try w.sql("SELECT count(DISTINCT ref) FROM entries") == "40")
        for unit in ["OSLO", "ILA"] {
            let refs = try w.sql("SELECT string_agg(ref, ',' ORDER BY ref_no) FROM (SELECT ref, split_part(ref, '-', 2)::int AS ref_no FROM entries WHERE unit_code = '\(unit)') x")
            #expect(refs == (1...20).map { "\(unit)-\($0)" }.joined(separator: ","), "gapless references for \(unit)")
            #expect(try w.chainIntact(unit), "\(unit)")
            // Each process's entries landed in the unit it named.
            #expect(try w.count("entries", where: "unit_code = '\(unit)' AND text LIKE 'Prosess %'") == 20)
        }
        #expect(try w.sql("SELECT count(*) FROM entries e JOIN entry_state s ON s.entry_id = e.id AND s.ref = e.ref") == "40")
    }

    /// The same entry sent by several processes at once (the same idempotency key) is stored once.
    @Test func sameEntryFromFourProcessesAtOnce() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let input = JSON.text(["kind": "incident", "category": "escape", "text": "Rømningsforsøk", "probability": 3, "consequence": 5,
                               "idempotency_key": UUID().uuidString, "persons": [["role": "inmate", "ref": "INM-9"]]])
        let results = Locked<[VaktloggBinary.Result]>([])
        Self.together(4) { _ in
            if let r = try? w.run(officer, ["log", "incident", "--input", "-", "--json"], stdin: input) { results.mutate { $0.append(r) } }
        }
        let answers = results.value.map { JSON.object($0.stdout) }
        #expect(answers.count == 4)
        #expect(answers.allSatisfy { $0["ref"] as? String == "OSLO-1" }, "\(results.value)")
        #expect(answers.filter { $0["already_stored"] as? Bool == false }.count == 1)
        #expect(try w.count("entries") == 1)
        #expect(try w.count("entry_persons") == 1)
        #expect(try w.chainIntact("OSLO"))
        #expect(try w.log(officer, "incident", ["--category", "fire", "--text", "Neste", "--probability", "1", "--consequence", "1"]) == "OSLO-2")
    }
}
