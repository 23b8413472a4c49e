import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Store

/// The escalation worker inside `serve`: every interval it calls `escalate_overdue()` (sql/020)
/// as the user of its own token. The database makes each escalation happen exactly once however
/// many workers run; a failed round is logged and the next one tries again.
struct EscalationService: Service {
    let pool: DatabasePool
    let tokenHash: String
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let hash = tokenHash
                let n = try await pool.run { c in
                    try TokenScope(connection: c, tokenHash: hash).committed { c in
                        try StoreSession.joining(c).escalation.run()
                    }
                }
                if n > 0 { logger.info("escalated", metadata: ["count": "\(n)"]) }
            } catch {
                logger.error("escalation round failed", metadata: ["error": "\(error)"])
            }
            let interval = self.interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
