import ArgumentParser
import EmbeddedPostgres
import Foundation
import Postgres
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg db …`: the embedded private cluster's lifecycle.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Styr databasen: innebygd klynge, status og migreringer.",
        subcommands: [Start.self, Stop.self, Status.self, Migrate.self]
    )

    /// Where the cluster lives.
    struct Location: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Datakatalog (VAKTLOGG_DATA_DIR).")
        var dataDir: String?

        @OptionGroup var global: GlobalOptions

        var language: Language { global.language }

        func cluster() throws -> EmbeddedCluster {
            try EmbeddedCluster(directory: URL(fileURLWithPath: DataDirectory.resolve(
                flag: dataDir, environment: ProcessInfo.processInfo.environment)))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Opprett (første gang) og start databasen.",
            discussion: "--json prints {\"state\": \"running\", \"data_dir\", \"created\"}.")
        @OptionGroup var location: Location
        @OptionGroup var output: JSONFlag

        func run() throws {
            let cluster = try location.cluster()
            do {
                let created = try cluster.initializeIfNeeded()
                try cluster.start()
                let path = cluster.directory.path
                if output.json {
                    return try StoreCommand.printJSON(DatabaseJSON.Cluster(state: "running", dataDir: path, created: created))
                }
                print((created ? CLIText.databaseCreated(path) : CLIText.databaseRunning(path))(location.language))
            } catch let error as EmbeddedClusterError {
                CLI.stderr("vaktlogg: \(error.description)")
                throw ExitStatus.unavailable
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stopp databasen.",
            discussion: "--json prints {\"state\": \"stopped\", \"data_dir\", \"created\": null}.")
        @OptionGroup var location: Location
        @OptionGroup var output: JSONFlag

        func run() throws {
            let cluster = try location.cluster()
            try cluster.stop()
            if output.json {
                return try StoreCommand.printJSON(DatabaseJSON.Cluster(state: "stopped", dataDir: cluster.directory.path, created: nil))
            }
            print(CLIText.databaseStopped(location.language))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vis om databasen kjører, og hvilke migreringer som er brukt.",
            discussion: """
                Embedded: the cluster's state, then every migration as applied (with its time, \
                Europe/Oslo) or pending; exit 3 when the cluster is stopped or not created. With a \
                URL: the migrations only. Exit 65 when an applied migration changed. --json prints \
                {"cluster": {"state", "data_dir", "pid", "socket_dir"} | null, "migrations": \
                [{"name", "version", "state": "applied"|"pending", "applied_at"}] | null} with the \
                same exit statuses.
                """)
        @OptionGroup var options: ConnectionOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let l = options.language
            let target = options.target
            if output.json { return try json(target) }
            if let cluster = try target.cluster() {
                switch try cluster.status() {
                case .notInitialized:
                    print(DatabaseText.notCreated(cluster.directory.path)(l))
                    throw ExitStatus.notRunning
                case .stopped:
                    print(DatabaseText.stopped(cluster.directory.path)(l))
                    throw ExitStatus.notRunning
                case .notAccepting(let pid):
                    print(DatabaseText.notAccepting(pid, cluster.directory.path)(l))
                    throw ExitStatus.notRunning
                case .running(let pid):
                    print(DatabaseText.running(pid, cluster.socketDirectory.path)(l))
                }
            }
            let lines = try DatabaseCommand.reporting(l) { try target.migrationStatus(logger: options.logger) }
            print(DatabaseText.migrations(l))
            let width = lines.map(\.migration.name.count).max() ?? 0
            for line in lines {
                let state: String
                switch line.state {
                case .applied(let at): state = DatabaseText.applied(OsloTime.format(at))(l)
                case .pending: state = DatabaseText.pending(l)
                }
                print("  \(line.migration.name.padding(width))  \(state)")
            }
        }

        /// The same answer as JSON; a stopped cluster still exits 3 after printing it.
        private func json(_ target: DatabaseTarget) throws {
            var clusterState: DatabaseJSON.ClusterState?
            if let cluster = try target.cluster() {
                clusterState = DatabaseJSON.ClusterState(try cluster.status(), cluster)
            }
            if let clusterState, !clusterState.isRunning {
                try StoreCommand.printJSON(DatabaseJSON.Status(cluster: clusterState, migrations: nil))
                throw ExitStatus.notRunning
            }
            let lines = try DatabaseCommand.reporting(options.language) { try target.migrationStatus(logger: options.logger) }
            try StoreCommand.printJSON(DatabaseJSON.Status(cluster: clusterState, migrations: lines.map(DatabaseJSON.MigrationLine.init)))
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bruk ventende migreringer (som databasens eier).",
            discussion: """
                Prints each migration applied, or that the schema is up to date. Exit 65 when an \
                applied migration changed (the file is named), 69 when the database cannot be reached. \
                --json prints {"applied": [{"name", "version", "state", "applied_at": null}], "total"}.
                """)
        @OptionGroup var options: ConnectionOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let l = options.language
            let applied = try DatabaseCommand.reporting(l) { try options.target.migrate(logger: options.logger) }
            if output.json {
                return try StoreCommand.printJSON(DatabaseJSON.Migrated(
                    applied: applied.map(DatabaseJSON.MigrationLine.init(applied:)), total: Migration.all.count))
            }
            if applied.isEmpty {
                print(DatabaseText.upToDate(Migration.all.count)(l))
            }
            for migration in applied {
                print(DatabaseText.appliedNow(migration.name)(l))
            }
        }
    }

    /// Runs `body`, turning the failures of migration work into a message and an exit status.
    static func reporting<T>(_ l: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CLI.report(error, language: l)
        } catch let error as MigrationError {
            CLI.fail(DatabaseText.migrationError(name: error.name, changedFile: error.isChangedFile), language: l)
            throw ExitStatus.badData
        } catch let error as PostgresError {
            throw CLI.report(StoreError(error), language: l)
        }
    }
}
