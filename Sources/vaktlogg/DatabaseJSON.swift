import EmbeddedPostgres
import Foundation
import Store

/// The `--json` answers of `vaktlogg db …`, one shape per subcommand, so a script (or the ops
/// scripts) reads state without parsing sentences. Codes, not labels: `state` is `running`,
/// `stopped`, `not_created`, `not_accepting`; migrations are `applied` (with `applied_at`) or
/// `pending`.
enum DatabaseJSON {
    /// `db start` / `db stop`.
    struct Cluster: Encodable {
        let state: String
        let dataDir: String
        /// `db start` only: whether this run created the cluster.
        let created: Bool?

        enum CodingKeys: String, CodingKey {
            case state, created
            case dataDir = "data_dir"
        }
    }

    /// One migration in `db status` / `db migrate`.
    struct MigrationLine: Encodable {
        let name: String
        let version: Int
        let state: String
        let appliedAt: Date?

        enum CodingKeys: String, CodingKey {
            case name, version, state
            case appliedAt = "applied_at"
        }

        init(_ line: Migrator.Line) {
            name = line.migration.name
            version = line.migration.version
            switch line.state {
            case .applied(let at): state = "applied"; appliedAt = at
            case .pending: state = "pending"; appliedAt = nil
            }
        }

        init(applied migration: Migration) {
            name = migration.name
            version = migration.version
            state = "applied"
            appliedAt = nil
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(version, forKey: .version)
            try c.encode(state, forKey: .state)
            try c.encode(appliedAt, forKey: .appliedAt)
        }
    }

    /// `db status`: the embedded cluster (absent with a URL) and every migration.
    /// `migrations` is null when the cluster is not running (nothing to ask).
    struct Status: Encodable {
        let cluster: ClusterState?
        let migrations: [MigrationLine]?

        enum CodingKeys: String, CodingKey { case cluster, migrations }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cluster, forKey: .cluster)
            try c.encode(migrations, forKey: .migrations)
        }
    }

    /// The embedded cluster's state in `db status`.
    struct ClusterState: Encodable {
        let state: String
        let dataDir: String
        let pid: Int32?
        let socketDir: String?

        enum CodingKeys: String, CodingKey {
            case state, pid
            case dataDir = "data_dir"
            case socketDir = "socket_dir"
        }

        init(_ status: EmbeddedCluster.Status, _ cluster: EmbeddedCluster) {
            dataDir = cluster.directory.path
            switch status {
            case .notInitialized: state = "not_created"; pid = nil; socketDir = nil
            case .stopped: state = "stopped"; pid = nil; socketDir = nil
            case .notAccepting(let p): state = "not_accepting"; pid = p; socketDir = nil
            case .running(let p): state = "running"; pid = p; socketDir = cluster.socketDirectory.path
            }
        }

        var isRunning: Bool { state == "running" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(state, forKey: .state)
            try c.encode(dataDir, forKey: .dataDir)
            try c.encode(pid, forKey: .pid)
            try c.encode(socketDir, forKey: .socketDir)
        }
    }

    /// `db migrate`: what this run applied, and how many migrations the product has.
    struct Migrated: Encodable {
        let applied: [MigrationLine]
        let total: Int
    }
}
