import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import Postgres
import Server
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport
import PostgresTestSupport

/// A migrated database with the demo's shape in small, and `vaktlogg serve` on a free loopback
/// port logged in as the authenticator, talked to over real HTTP.
///
/// BJORKVIK: duty officers ola and ingrid (who reports manipulation), coordinator kari, manager
/// mona, integration alarm. HAVNES: duty officer per, coordinator hanne. Auditor erik, admin adm.
final class APIFixture: @unchecked Sendable {
    let db: VaktloggTestDatabase
    let ola: String, ingrid: String, kari: String, mona: String, alarm: String
    let per: String, hanne: String, erik: String, adm: String
    private(set) var tokens: [String: String] = [:]
    var port = 0
    private var task: Task<Void, any Error>?

    var everyone: [String] { [ola, ingrid, kari, mona, alarm, per, hanne, erik, adm] }

    init(_ prefix: String) throws {
        let db = try VaktloggTestDatabase.create(prefix: prefix, units: ["BJORKVIK", "HAVNES"])
        self.db = db
        func add(_ base: String, _ role: String, _ units: [String]) throws -> String {
            let name = "\(base)_\(db.suffix)"
            let list = units.map { "'\($0)'" }.joined(separator: ",")
            try db.sql("SELECT admin_add_user('\(name)', '\(role)', ARRAY[\(list)]::text[], NULL)")
            return name
        }
        ola = try add("ola", "duty_officer", ["BJORKVIK"])
        ingrid = try add("ingrid", "duty_officer", ["BJORKVIK"])
        kari = try add("kari", "security_coordinator", ["BJORKVIK"])
        mona = try add("mona", "manager", ["BJORKVIK"])
        alarm = try add("alarm", "integration", ["BJORKVIK"])
        per = try add("per", "duty_officer", ["HAVNES"])
        hanne = try add("hanne", "security_coordinator", ["HAVNES"])
        erik = try add("erik", "auditor", [])
        adm = try add("adm", "admin", [])
        for user in everyone { tokens[user] = try token(for: user) }
    }

    private init(sharing f: APIFixture) {
        db = f.db
        ola = f.ola; ingrid = f.ingrid; kari = f.kari; mona = f.mona; alarm = f.alarm
        per = f.per; hanne = f.hanne; erik = f.erik; adm = f.adm
        tokens = f.tokens
    }

    /// The same organisation and tokens, for a second server.
    func clone() -> APIFixture { APIFixture(sharing: self) }

    /// A new token for `user`, made by the administrator through the Store (as `token create`).
    func token(for user: String) throws -> String {
        let c = try db.connect(user: adm)
        defer { c.close() }
        return try Administration(connection: c).createToken(user: user).secret
    }

    /// Starts the server; `configure` may change the configuration first.
    func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> APIFixture {
        var config = ServerConfiguration(databaseURL: db.database.connectionString(user: ServeTestNames.authenticator))
        config.port = 0
        config.poolSize = 16
        configure(&config)
        var logger = Logger(label: "test.serve")
        logger.logLevel = .warning
        let server = VaktloggServer(configuration: config, logger: logger)
        let bound = PortBox()
        let app = try server.application { port in bound.set(port) }
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        port = try await bound.wait()
        return self
    }

    func stop() async {
        task?.cancel()
        _ = try? await task?.value
    }

    deinit { task?.cancel() }

    /// One HTTP exchange.
    struct Exchange {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends a request as `user` (their token), or with `token`, or with none.
    func send(_ method: String, _ path: String, as user: String? = nil, token: String? = nil, json: Any? = nil,
              body: Data? = nil, headers: [String: String] = [:], scheme: String = "http") async throws -> Exchange {
        var request = URLRequest(url: URL(string: "\(scheme)://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let secret = token ?? user.flatMap({ tokens[$0] }) {
            request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
        }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields["\(k)"] = "\(v)" }
        return Exchange(status: http.statusCode, headers: fields, body: data)
    }

    /// An incident draft for BJORKVIK (or `unit`) as JSON.
    static func incident(unit: String = "BJORKVIK", text: String = "Slagsmål i luftegården", extra: [String: Any] = [:]) -> [String: Any] {
        var o: [String: Any] = ["kind": "incident", "category": "violence_inmate", "unit": unit, "text": text,
                                "probability": 3, "consequence": 3, "persons": [["role": "inmate", "ref": "K-2026-0777"]]]
        for (k, v) in extra { o[k] = v }
        return o
    }

    /// A manipulation report for BJORKVIK (reported by the token's user, sealed from most).
    static var manipulation: [String: Any] { [
        "kind": "manipulation", "category": "private_probing", "unit": "BJORKVIK", "text": "Spurte om adressen min",
        "probability": 3, "consequence": 3, "target": "self", "in_working_hours": true,
        "persons": [["role": "inmate", "ref": "K-2026-0142"]],
    ] }
}

enum ServeTestNames {
    static let authenticator = "vaktlogg_authenticator"
}

/// The port the server bound, handed from its start-up callback to the test.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, any Error>] = []

    func set(_ p: Int) {
        lock.lock()
        port = p
        let w = waiters
        waiters = []
        lock.unlock()
        for k in w { k.resume(returning: p) }
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { k in
            lock.lock()
            if let port {
                lock.unlock()
                k.resume(returning: port)
            } else {
                waiters.append(k)
                lock.unlock()
            }
        }
    }
}
