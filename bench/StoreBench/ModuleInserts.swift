import Foundation
import Postgres
import VaktloggTestSupport

/// Single-row entry INSERTs through our Postgres module: `threads` threads, each with its own
/// connection as `user`, each INSERT its own transaction (autocommit), for `seconds` seconds.
enum ModuleInserts {
    struct Result {
        let rows: Int
        let seconds: Double
        var rate: Double { Double(rows) / seconds }
    }

    /// - Parameter units: the unit each thread writes to (thread i uses `units[i % units.count]`).
    static func run(connectionString: String, threads: Int, units: [String], seconds: Double) throws -> Result {
        // Connect before the clock starts; connecting is not what is measured.
        let writers = try (0..<threads).map { _ in Box(FactWriter(try Connection(connectionString))) }
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let counts = Counts(threads)
        let failure = Failure()
        let deadline = Deadline()
        for i in 0..<threads {
            group.enter()
            let writer = writers[i]
            let unit = units[i % units.count]
            Thread {
                start.wait()
                var n = 0
                do {
                    while !deadline.passed {
                        try writer.value.entry(unit: unit)
                        n += 1
                    }
                } catch { failure.record(error) }
                counts.set(i, n)
                group.leave()
            }.start()
        }
        let clock = ContinuousClock()
        let began = clock.now
        deadline.set(seconds: seconds)
        for _ in 0..<threads { start.signal() }
        group.wait()
        let elapsed = clock.now - began
        if let error = failure.error { throw error }
        let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(rows: counts.total, seconds: secondsElapsed)
    }
}

/// Hands a non-Sendable value to exactly one other thread.
final class Box<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// When the measurement ends.
final class Deadline: @unchecked Sendable {
    private let lock = NSLock()
    private var end = ContinuousClock.now
    func set(seconds: Double) { lock.withLock { end = .now + .milliseconds(Int(seconds * 1000)) } }
    var passed: Bool { lock.withLock { ContinuousClock.now >= end } }
}

/// Per-thread counts.
final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]
    init(_ n: Int) { values = Array(repeating: 0, count: n) }
    func set(_ i: Int, _ n: Int) { lock.withLock { values[i] = n } }
    var total: Int { lock.withLock { values.reduce(0, +) } }
}

/// The first error a thread hit.
final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?
    func record(_ error: any Error) { lock.withLock { if first == nil { first = error } } }
    var error: (any Error)? { lock.withLock { first } }
}
