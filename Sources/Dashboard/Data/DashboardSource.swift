public import Foundation
public import Logging
public import Postgres
public import Store
public import Rules
public import VaktloggCore

/// The dashboard's one way to the database: the Store's read path (``EntryRepository`` list and
/// detail, under row-level security) and the change notifications that say when to read again.
/// A notification's payload is never used: it is only a hint.
public final class DashboardSource {
    /// Opens a new connection as the user (the command's `DatabaseTarget.connect`).
    public typealias Connect = () throws -> Connection

    private let connect: Connect
    private let logger: Logger
    private var connection: Connection?
    /// Queue rows read at most (the list's own cap).
    public var limit = 500
    /// The rules that judge a new entry from the form (the rule set `vaktlogg log` uses).
    public var engine = RulesEngine()
    /// Where the form's entries go when the database cannot be reached (nil: nowhere, refused).
    public var spool: Spool?
    /// The login recorded with a spooled entry (delivered by `sync` as the same user).
    public var spoolUser: String?

    /// A source over `connection`, reconnecting with `connect` after it is lost.
    public init(connection: Connection, connect: @escaping Connect, logger: Logger) {
        self.connection = connection
        self.connect = connect
        self.logger = logger
    }

    /// The socket to poll for notifications, nil while disconnected.
    public var socket: Int32? { connection?.socketDescriptor }

    /// Subscribes to change notifications of the user's units.
    public func listen() throws {
        // One channel per visible unit (`my_channels()`, sql/016); a notification is only a hint
        // to re-read through row-level security.
        _ = try live().listenForChanges()
    }

    /// Who is logged in, for the status bar.
    public func viewer() throws -> DashboardState.Viewer {
        let c = try live()
        if let user = try SessionUser.current(c) {
            return DashboardState.Viewer(name: user.name, role: user.role, units: user.units)
        }
        let name = try c.query("SELECT session_user AS name").first?.decode(String.self, "name") ?? "?"
        return DashboardState.Viewer(name: name, role: "", units: [])
    }

    /// The open entries in triage order.
    public func queue(now: Date) throws -> [DashboardEntry] {
        var filter = EntryFilter()
        filter.limit = limit
        return try EntryRepository(connection: live()).list(filter, now: now).map(DashboardEntry.init)
    }

    /// One entry with persons (the read is logged, as in `show`).
    public func detail(ref: String) throws -> DashboardDetail {
        DashboardDetail(try EntryRepository(connection: live()).detail(ref: ref))
    }

    /// True when the server sent at least one notification; reads only what already arrived.
    /// Throws when the connection broke (the server's goodbye arrives as readable input first).
    public func drainNotifications() throws -> Bool {
        let c = try live()
        let hinted = !(try c.waitForNotifications(timeout: .zero).isEmpty)
        guard c.isAlive else { throw PostgresError(kind: .connectionLost, message: "connection lost") }
        return hinted
    }

    /// Connects again and re-subscribes; throws while the database is still away.
    public func reconnect() throws {
        connection?.close()
        connection = nil
        let c = try connect()
        connection = c
        try listen()
    }

    /// Forgets a broken connection so the next tick reconnects.
    public func dropConnection() {
        connection?.close()
        connection = nil
    }

    public func close() { dropConnection() }

    /// The live connection, for the workflows in other files of this type.
    func liveConnection() throws -> Connection { try live() }

    private func live() throws -> Connection {
        guard let connection, connection.isAlive else {
            throw PostgresError(kind: .connectionLost, message: "no connection")
        }
        return connection
    }

    /// Whether `error` means the database went away (queue: stale mark and reconnect), as opposed
    /// to a refusal to show (unknown entry, permission).
    public func isConnectionLoss(_ error: any Error) -> Bool {
        if let pg = error as? PostgresError { return pg.isConnectionError || !(connection?.isAlive ?? false) }
        if let e = error as? StoreError, e.category == .unavailable { return true }
        return !(connection?.isAlive ?? false)
    }

    /// The text of a refusal, in `language`.
    public func message(_ error: any Error, language: Language) -> String {
        if let e = error as? StoreError { return e.message(language) }
        logger.warning("dashboard read failed", metadata: ["error": "\(error)"])
        return "\(error)"
    }
}
