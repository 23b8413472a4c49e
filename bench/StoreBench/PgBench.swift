import Foundation

/// Runs PostgreSQL's own `pgbench` with a custom script that inserts the same entry row as
/// ``ModuleInserts``, as the same user, one transaction per row.
enum PgBench {
    struct Result {
        let transactions: Int
        let tps: Double
        let output: String
    }

    /// `pgbench` from the PostgreSQL installation the cluster uses, else from PATH.
    static func locate() throws -> URL {
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/pgbench") {
            return URL(fileURLWithPath: "/usr/lib/postgresql/\(v)/bin/pgbench")
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        where fm.isExecutableFile(atPath: "\(dir)/pgbench") {
            return URL(fileURLWithPath: "\(dir)/pgbench")
        }
        throw BenchError("pgbench not found (Debian package postgresql-client or postgresql-contrib)")
    }

    /// The script: client `c` writes to unit `units[c % units.count]`, the same row shape and
    /// values as `FactWriter.entry` (the key is made by the server here, by the client there).
    static func script(units: [String]) -> String {
        let array = units.map { "'\($0)'" }.joined(separator: ",")
        return """
            \\set u :client_id % \(units.count) + 1
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability, consequence, risk_score, tier, priority, rules_version, rules_hash, trace, deadlines, idempotency_key) VALUES ('incident', 'violence_staff', (ARRAY[\(array)])[CAST(:u AS int)], now(), now(), 'correctional_security', 'Betjent slått i korridor B under innlåsing', '{life_health,security}', 3, 4, 12, 1, 'P1', 'ksf-2006.1', 'x', '[]', '[]', gen_random_uuid()) RETURNING id, ref;

            """
    }

    /// Runs `pgbench -n -M extended -f script -c N -j N -T secs -h socket -U user db`.
    ///
    /// `-M extended` sends each INSERT with parameters and an unnamed statement, exactly as the
    /// Postgres module does with `PQexecParams`, so the two differ only in the client.
    static func run(_ pgbench: URL, socket: String, user: String, database: String, units: [String],
                    clients: Int, seconds: Int, mode: String = "extended") throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("storebench-\(getpid()).sql")
        try script(units: units).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = pgbench
        process.arguments = [
            "-n", "-M", mode, "-f", file.path, "-c", String(clients), "-j", String(clients), "-T", String(seconds),
            "-h", socket, "-U", user, database,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("pgbench failed:\n\(output)") }
        guard let tps = value(after: "tps = ", in: output).flatMap(Double.init),
              let transactions = value(after: "number of transactions actually processed: ", in: output).flatMap(Int.init)
        else { throw BenchError("cannot read pgbench's output:\n\(output)") }
        return Result(transactions: transactions, tps: tps, output: output)
    }

    private static func value(after prefix: String, in output: String) -> String? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return String(line.dropFirst(prefix.count).prefix { !$0.isWhitespace })
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
