import Foundation
import Rules
import VaktloggCore

// Rules benchmarks: triage of 100k open entries and 1M measure checks in one process.
// Run in release: swift run -c release --scratch-path .build-rules RulesBench
// Inputs come from a fixed-seed generator so runs are comparable; each case is repeated and the
// median reported, since the machine is shared and single runs are noisy.

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

func measureTime(repetitions: Int, _ body: () -> Int) -> (median: Duration, all: [Duration], sink: Int) {
    let clock = ContinuousClock()
    var times: [Duration] = []
    var sink = 0
    for _ in 0..<repetitions {
        let start = clock.now
        sink &+= body()
        times.append(clock.now - start)
    }
    let sorted = times.sorted()
    return (sorted[sorted.count / 2], times, sink)
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func report(_ name: String, ops: Int, _ r: (median: Duration, all: [Duration], sink: Int)) {
    let median = seconds(r.median)
    let runs = r.all.map { String(format: "%.1f", seconds($0) * 1000) }.joined(separator: " ")
    print(String(format: "%@: median %.1f ms per run, %.0f ns per operation (%d ops; runs ms: %@) [sink %d]",
                 name, median * 1000, median / Double(ops) * 1e9, ops, runs, r.sink))
}

let engine = RulesEngine()
var rng = SplitMix64(state: 2006)
let epoch = Date(timeIntervalSince1970: 1_704_067_200)
let categories = EntryCategory.all

// 100k open entries, interests from category defaults plus sometimes an extra one.
let entryCount = 100_000
let entries: [TriageEntry] = (0..<entryCount).map { i in
    let category = rng.pick(categories)
    var given: [Interest] = []
    if category.isOther || rng.int(0...3) == 0 { given.append(rng.pick(Interest.allCases)) }
    return TriageEntry(
        id: "E\(i)", interests: engine.interests(for: category, given: given),
        probability: rng.int(1...5), consequence: rng.int(1...5),
        occurredAt: epoch.addingTimeInterval(TimeInterval(rng.int(0...(90 * 86_400)))))
}
let shuffled = entries.shuffled()

report("triage order (sort only), 100k entries", ops: entryCount, measureTime(repetitions: 7) {
    RulesEngine.triageOrder(shuffled).count
})
report("triage validated, priorities, no trace, 100k entries", ops: entryCount, measureTime(repetitions: 7) {
    (try? engine.triage(shuffled, withTrace: false).order.count) ?? -1
})
report("triage validated with full trace, 100k entries", ops: entryCount, measureTime(repetitions: 5) {
    (try? engine.triage(shuffled, withTrace: true).trace.count) ?? -1
})

// 1M measure checks over 4096 varied inputs (all types, purposes, burdens, levels, assessments).
let at = CalendarDate(dayNumber: 19_900)
let measures: [(MeasureInput, AssessmentInput?)] = (0..<4096).map { _ in
    let type = rng.pick(MeasureType.allCases)
    let burdens = (0..<rng.int(0...3)).map { _ in rng.pick(Interest.allCases) }
    let m = MeasureInput(
        type: type, purpose: rng.pick(Interest.allCases), burdens: burdens,
        restrictiveness: rng.pick(Restrictiveness.allCases),
        ground: type == .communicationRestriction ? rng.pick(CommunicationGround.allCases) : nil,
        justification: rng.int(0...1) == 0 ? nil : "Begrunnet i individuell risikovurdering",
        rehabilitationNote: rng.int(0...1) == 0 ? nil : "Effekt på skolegang vurdert")
    let a = rng.int(0...4) == 0 ? nil : AssessmentInput(band: rng.pick(RiskBand.allCases), assessedAt: CalendarDate(dayNumber: 19_900 - rng.int(0...400)))
    return (m, a)
}
let measureCount = 1_000_000
report("measure check with trace, 1M checks", ops: measureCount, measureTime(repetitions: 5) {
    var allowed = 0
    for i in 0..<measureCount {
        let (m, a) = measures[i & 4095]
        if engine.measure(m, assessment: a, at: at).outcome == .allowed { allowed += 1 }
    }
    return allowed
})

// The contract path end to end (parse, validate, judge, encode), per line.
let lines = (0..<100_000).map { i -> String in
    let (m, a) = measures[i & 4095]
    let burdens = m.burdens.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
    let ground = m.ground.map { ",\"ground\":\"\($0.rawValue)\"" } ?? ""
    let assessment = a.map { "{\"band\":\"\($0.band.rawValue)\",\"assessed_at\":\"\($0.assessedAt)\"}" } ?? "null"
    return #"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"\#(m.type.rawValue)","purpose":"\#(m.purpose.rawValue)","burdens":[\#(burdens)],"restrictiveness":\#(m.restrictiveness.rawValue)\#(ground)},"assessment":\#(assessment)}"#
}
report("rules evaluate contract line (measure), 100k lines", ops: lines.count, measureTime(repetitions: 3) {
    var bytes = 0
    for line in lines { bytes &+= RulesContract.answer(line, engine: engine).json.utf8.count }
    return bytes
})
