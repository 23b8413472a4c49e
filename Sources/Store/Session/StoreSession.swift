public import Foundation
public import Postgres
public import Rules

/// One user's work against the database: the connection (as that user's login role), the rules
/// engine that judges, the clock that says what "now" is, and a ``transaction(_:)`` scope.
///
/// Every workflow (``EntryWriter``, ``Lifecycle``, ``Amender``, ``MeasureWorkflow``,
/// ``DecisionWorkflow``, ``RiskAssessmentWorkflow``) is built from a session, so several
/// workflows can write in one transaction by running inside the same scope:
///
/// ```swift
/// let session = StoreSession(connection: connection)
/// try session.transaction { s in
///     let entry = try s.entries.log(draft)
///     try s.lifecycle.record(.acknowledge, on: entry.ref)
/// }
/// ```
///
/// Fact times (when an event, measure, decision or assessment happened) are the database's
/// transaction time. Only a session made with ``backdating(owner:engine:clock:)`` writes the
/// clock's time instead — and the database honours that only inside the owner's transaction that
/// switched backdating on (`maintenance`, sql/001), so no user's session can move a fact in time.
public struct StoreSession {
    /// The connection, as the user's login role.
    public let connection: Connection
    /// The rules engine that judges what is written.
    public let engine: RulesEngine
    /// What "now" is for checks made before writing (a due date in the past, a time in the future).
    public let clock: StoreClock
    /// Whether fact times are the clock's (demo seeding) rather than the database's.
    public let allowsBackdating: Bool
    /// True inside ``transaction(_:)``: workflows then join it instead of opening their own.
    public let isInTransaction: Bool

    /// A session of the user logged in on `connection`; fact times are the database's.
    public init(connection: Connection, engine: RulesEngine = RulesEngine(), clock: StoreClock = .system) {
        self.init(connection: connection, engine: engine, clock: clock, allowsBackdating: false, isInTransaction: false)
    }

    private init(connection: Connection, engine: RulesEngine, clock: StoreClock, allowsBackdating: Bool, isInTransaction: Bool) {
        self.connection = connection
        self.engine = engine
        self.clock = clock
        self.allowsBackdating = allowsBackdating
        self.isInTransaction = isInTransaction
    }

    /// A session whose fact times are the clock's, for the database owner writing history (demo
    /// seeding). It must be used inside the owner's transaction that switched backdating on.
    public static func backdating(owner: Connection, engine: RulesEngine = RulesEngine(), clock: StoreClock) -> StoreSession {
        StoreSession(connection: owner, engine: engine, clock: clock, allowsBackdating: true, isInTransaction: false)
    }

    /// A session that joins the transaction its caller already opened on `connection` (`BEGIN`),
    /// for code that owns the transaction itself — e.g. a test holding two sessions' transactions
    /// open to race them. Fact times are the database's.
    public static func joining(_ connection: Connection, engine: RulesEngine = RulesEngine()) -> StoreSession {
        StoreSession(connection: connection, engine: engine, clock: .system, allowsBackdating: false, isInTransaction: true)
    }

    /// The same session with another clock (a backdating writer moves it along its history).
    public func at(_ clock: StoreClock) -> StoreSession {
        StoreSession(connection: connection, engine: engine, clock: clock, allowsBackdating: allowsBackdating,
                     isInTransaction: isInTransaction)
    }

    /// The clock's time now.
    public var now: Date { clock.now() }

    /// The time to send as a fact's time: the clock's when backdating, else nil (the database
    /// then records its transaction time).
    var factTime: Date? { allowsBackdating ? now : nil }

    /// Runs `body` in one transaction (all or nothing), or inside the one already open. Every
    /// failure comes out as a ``StoreError``.
    public func transaction<T>(_ body: (StoreSession) throws -> T) throws(StoreError) -> T {
        if isInTransaction { return try StoreError.mapping { try body(self) } }
        return try StoreError.mapping {
            try connection.transaction { c in
                try body(StoreSession(connection: c, engine: engine, clock: clock, allowsBackdating: allowsBackdating,
                                      isInTransaction: true))
            }
        }
    }
}

/// What "now" is for a session: the system clock, or a fixed time (a backdated fact, a CLI
/// command that parsed "14:05" against one instant).
public struct StoreClock: Sendable {
    /// The current time.
    public let now: @Sendable () -> Date

    /// A clock reading `now`.
    public init(_ now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system clock.
    public static let system = StoreClock { Date() }

    /// A clock standing at `date`.
    public static func fixed(_ date: Date) -> StoreClock { StoreClock { date } }
}
