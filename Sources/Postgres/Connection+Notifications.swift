internal import CLibPQ
internal import Foundation

/// A message sent with `NOTIFY channel, 'payload'` or `pg_notify`.
public struct PostgresNotification: Sendable, Hashable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload (empty when none was given).
    public var payload: String
    /// The process ID of the sending backend.
    public var pid: Int32

    public init(channel: String, payload: String, pid: Int32) {
        self.channel = channel
        self.payload = payload
        self.pid = pid
    }
}

extension Connection {
    /// Subscribes this session to `channel` (`LISTEN`). The name is quoted, so any string is safe.
    public func listen(_ channel: String) throws {
        try query(SQLQuery(unsafeSQL: "LISTEN \(escapeIdentifier(channel))"))
    }

    /// Unsubscribes from `channel` (`UNLISTEN`).
    public func unlisten(_ channel: String) throws {
        try query(SQLQuery(unsafeSQL: "UNLISTEN \(escapeIdentifier(channel))"))
    }

    /// Listens on `channel` for the duration of `body`, unlistening afterwards even if it throws.
    public func withListener<T>(_ channel: String, _ body: (Connection) throws -> T) throws -> T {
        try listen(channel)
        do {
            let result = try body(self)
            try unlisten(channel)
            return result
        } catch {
            try? unlisten(channel)
            throw error
        }
    }

    /// Sends a notification (`pg_notify`). Inside a transaction it is delivered at COMMIT.
    public func notify(_ channel: String, payload: String = "") throws {
        try query("SELECT pg_notify(\(channel), \(payload))")
    }

    /// Returns the notifications received so far, waiting up to `timeout` (nil: indefinitely)
    /// for at least one if none are pending.
    ///
    /// Blocks in `poll(2)` on the connection's socket; no sleeping or busy loop. Notifications
    /// that arrived during earlier queries are returned first, in arrival order.
    /// `timeout: .zero` just collects what has already arrived.
    public func waitForNotifications(timeout: Duration? = nil) throws -> [PostgresNotification] {
        let conn = try liveHandle()
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            try consumeInput(conn)
            if !pendingNotifications.isEmpty {
                defer { pendingNotifications.removeAll() }
                return pendingNotifications
            }
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = ContinuousClock.now.duration(to: deadline)
                if remaining <= .zero { return [] }
                let (seconds, attoseconds) = remaining.components
                // Round up so we never wake just before the deadline and spin.
                let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                waitMilliseconds = Int32(clamping: millis)
            }
            let socket = PQsocket(conn)
            guard socket >= 0 else { throw connectionFailure(conn, fallback: .connectionLost) }
            let ready = vk_wait_readable(socket, waitMilliseconds)
            if ready < 0 && errno != EINTR {
                throw PostgresError(kind: .protocol, message: "poll failed: \(String(cString: strerror(errno)))")
            }
            // Readable, timed out or interrupted: loop to consume input and re-check the deadline.
        }
    }

    /// Reads whatever the server sent and moves notifications into the buffer.
    private func consumeInput(_ conn: OpaquePointer) throws {
        guard PQconsumeInput(conn) == 1 else {
            throw connectionFailure(conn, fallback: .connectionLost)
        }
        drainNotifications(conn)
    }

    /// Moves notifications libpq has parsed into ``pendingNotifications``, freeing each.
    /// Called after every query: notifications ride along with any result.
    func drainNotifications(_ conn: OpaquePointer) {
        while let notify = PQnotifies(conn) {
            let notification = PostgresNotification(
                channel: String(cString: notify.pointee.relname),
                payload: notify.pointee.extra.map { String(cString: $0) } ?? "",
                pid: notify.pointee.be_pid)
            PQfreemem(notify)
            pendingNotifications.append(notification)
        }
    }
}
