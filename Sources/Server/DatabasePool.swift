import Foundation
public import Logging
public import Postgres

/// A fixed number of libpq connections as the service's login (the authenticator), handed to one
/// request at a time.
///
/// libpq blocks, and blocking calls do not belong on Swift's cooperative threads nor on the HTTP
/// event loops, so each unit of work runs on a thread of its own (a concurrent dispatch queue,
/// bounded by the pool's size). A connection found broken after a request is closed and made
/// again for the next one, so a restarted database heals without restarting the service.
public final class DatabasePool: @unchecked Sendable {
    /// A connection crossing from the waiting task to its worker thread; used by one thread at a
    /// time (the pool's checkout guarantees it), which is what `Connection` asks.
    private struct Lease: @unchecked Sendable {
        let slot: Int
        var connection: Connection?
    }

    private let connectionString: String
    private let logger: Logger
    private let queue = DispatchQueue(label: "vaktlogg.server.database", attributes: .concurrent)
    private let lock = NSLock()
    private var idle: [Lease]
    private var waiters: [CheckedContinuation<Lease, Never>] = []

    /// A pool of `size` connections to `connectionString`, made when first needed.
    public init(connectionString: String, size: Int, logger: Logger) {
        self.connectionString = connectionString
        self.logger = logger
        self.idle = (0..<max(1, size)).map { Lease(slot: $0, connection: nil) }
    }

    /// Runs `body` with a connection of its own, on a thread that may block.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let checkedOut = await checkout()
        let connectionString = self.connectionString
        let logger = self.logger
        let (lease, result) = await withCheckedContinuation { (k: CheckedContinuation<(Lease, Result<T, any Error>), Never>) in
            queue.async {
                var lease = checkedOut
                do {
                    if lease.connection?.isAlive != true {
                        lease.connection?.close()
                        lease.connection = nil
                        lease.connection = try Connection(connectionString, logger: logger)
                    }
                    let value = try body(lease.connection!)
                    k.resume(returning: (lease, .success(value)))
                } catch {
                    // A connection left inside a transaction or broken is not handed on.
                    if let c = lease.connection, !c.isAlive || (c.transactionStatus != .idle && c.transactionStatus != .unknown) {
                        c.close()
                        lease.connection = nil
                    }
                    k.resume(returning: (lease, .failure(error)))
                }
            }
        }
        checkin(lease)
        return try result.get()
    }

    /// Closes every idle connection (at shutdown).
    public func close() {
        lock.lock()
        let leases = idle
        for i in idle.indices { idle[i].connection = nil }
        lock.unlock()
        for lease in leases { lease.connection?.close() }
    }

    private func checkout() async -> Lease {
        await withCheckedContinuation { (k: CheckedContinuation<Lease, Never>) in
            lock.lock()
            if let lease = idle.popLast() {
                lock.unlock()
                k.resume(returning: lease)
            } else {
                waiters.append(k)
                lock.unlock()
            }
        }
    }

    private func checkin(_ lease: Lease) {
        lock.lock()
        if waiters.isEmpty {
            idle.append(lease)
            lock.unlock()
        } else {
            let waiter = waiters.removeFirst()
            lock.unlock()
            waiter.resume(returning: lease)
        }
    }
}
