import Foundation
import Hummingbird
import Postgres
import Store
import VaktloggText

extension VaktloggServer {
    /// `/health` (the process answers), `/ready` (the database answers and has every migration of
    /// this build), `/openapi.yaml` (the contract this server implements), `/metrics`.
    func addProbes(_ router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in Reply(json: ["status": "ok"]).response }
        router.get("/ready") { _, _ in
            let newest = Migration.all.map(\.version).max() ?? 0
            let version: Int
            do {
                version = try await pool.run { c in
                    try c.query("SELECT schema_version() AS v").first!.decode(Int.self, "v")
                }
            } catch {
                throw Problem(status: 503, code: "database_unavailable", detail: APIText.databaseUnavailable)
            }
            guard version >= newest else {
                throw Problem(status: 503, code: "migrations_behind", detail: APIText.migrationsBehind)
            }
            return Reply(json: ["status": "ready", "schema_version": version]).response
        }
        router.get("/openapi.yaml") { _, _ in
            var reply = Reply(json: [:])
            reply.body = Data(PackageResources.openapi_yaml)
            reply.contentType = "application/yaml"
            return reply.response
        }
        router.get("/metrics") { _, _ in
            var reply = Reply(json: [:])
            reply.body = metrics.exposition()
            reply.contentType = "text/plain; version=0.0.4"
            return reply.response
        }
    }
}
