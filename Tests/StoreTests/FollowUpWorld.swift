import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// A database with units OSLO and ILA and the users the follow-up tests act as (sql/030–033).
struct FollowUpWorld {
    let db: VaktloggTestDatabase
    let officerName: String
    let coordinatorName: String
    let officer: Connection
    let coordinator: Connection
    let ilaCoordinator: Connection
    let manager: Connection

    init(_ prefix: String = "fu") throws {
        db = try VaktloggTestDatabase.create(prefix: prefix, units: ["OSLO", "ILA"])
        officerName = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        coordinatorName = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
        officer = try db.connect(user: officerName)
        coordinator = try db.connect(user: coordinatorName)
        ilaCoordinator = try db.connect(user: try db.addUser("per", role: "security_coordinator", units: ["ILA"]))
        manager = try db.connect(user: try db.addUser("liv", role: "manager", units: ["OSLO"]))
    }

    /// An incident in OSLO logged by the officer (violence against staff by default: P1), with
    /// `persons` as inmates and `staff` as staff, reported `reportedAgo` seconds ago.
    func entry(_ category: String = "violence_staff", persons: [String] = [], staff: [String] = [],
               reportedAgo: TimeInterval = 0, probability: Int = 3, consequence: Int = 4) throws -> LoggedEntry {
        var d = EntryDraft(kind: .incident, category: category, text: "Hendelse i korridor B")
        d.unit = "OSLO"
        d.probability = probability
        d.consequence = consequence
        d.persons = persons.map { EntryDraft.Person(role: .inmate, ref: $0) } + staff.map { EntryDraft.Person(role: .staff, ref: $0) }
        if reportedAgo > 0 {
            d.reportedAt = Date().addingTimeInterval(-reportedAgo)
            d.occurredAt = d.reportedAt
        }
        return try db.log(d, as: officerName)
    }

    /// A measure on `ref` against `person` at `level`, with a justification so that it stands
    /// without an assessment that supports it (a recorded departure), decided now by the coordinator.
    func measure(on ref: String, person: String?, level: Restrictiveness, type: MeasureType = .exclusion) throws -> Int64 {
        var d = MeasureDraft(type: type, purpose: .security, burdens: [], restrictiveness: level)
        d.person = person
        d.justification = "Fare for medinnsatte etter hendelsen"
        return try StoreSession(connection: coordinator).measures.record(d, on: ref).id
    }

    /// Runs `body` as `user` in one transaction of the database owner with backdating on (as the
    /// demo seeder writes history): facts written through `session` take the clock's time `at`.
    func backdated<T>(as user: String, at: Date, _ body: (StoreSession) throws -> T) throws -> T {
        let su = try db.connect()
        defer { su.close() }
        return try StoreSession.backdating(owner: su, clock: .fixed(at)).transaction { s in
            _ = try s.connection.query("UPDATE maintenance SET backdating = true")
            _ = try s.connection.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try s.connection.escapeIdentifier(user))")
            let result = try body(s)
            _ = try s.connection.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
            _ = try s.connection.query("UPDATE maintenance SET backdating = false")
            return result
        }
    }

    /// The error a raw statement fails with on `c`, or nil when it succeeds.
    static func attempt(_ c: Connection, _ sql: SQLQuery) -> PostgresError? {
        do {
            try c.execute(sql)
            return nil
        } catch let error as PostgresError {
            return error
        } catch {
            return PostgresError(kind: .protocol, message: "\(error)")
        }
    }

    /// Escalates as `c` (sql/033): how many escalations were appended.
    static func escalate(_ c: Connection) throws -> Int64 {
        try c.query("SELECT escalate_overdue()::bigint AS n").first!.decode(Int64.self, "n")
    }

    /// The follow-up escalations of `subject`, as "subject:id" sorted.
    func escalations(_ subject: String) throws -> [String] {
        try db.sql("SELECT string_agg(subject || ':' || subject_id, ',' ORDER BY subject_id) FROM follow_up_escalations WHERE subject = '\(subject)'")
            .split(separator: ",").map(String.init)
    }
}
