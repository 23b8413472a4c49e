import ArgumentParser
import EmbeddedPostgres
import Foundation


/// `vaktlogg db …`: the embedded private cluster's lifecycle.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Styr den innebygde databasen (embedded PostgreSQL).",
        subcommands: [Start.self, Stop.self, Status.self]
    )

    /// Where the cluster lives.
    struct Location: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Datakatalog (VAKTLOGG_DATA_DIR).")
        var dataDir: String?

        func cluster() throws -> EmbeddedCluster {
            try EmbeddedCluster(directory: URL(fileURLWithPath: DataDirectory.resolve(
                flag: dataDir, environment: ProcessInfo.processInfo.environment)))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Opprett (første gang) og start databasen.")
        @OptionGroup var location: Location

        func run() throws {
            let cluster = try location.cluster()
            do {
                let created = try cluster.initializeIfNeeded()
                try cluster.start()
                print(created ? "Database opprettet og startet i \(cluster.directory.path)"
                              : "Database kjører i \(cluster.directory.path)")
            } catch let error as EmbeddedClusterError {
                FileHandle.standardError.write(Data("vaktlogg: \(error.description)\n".utf8))
                throw ExitCode(69)
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stopp databasen.")
        @OptionGroup var location: Location

        func run() throws {
            let cluster = try location.cluster()
            try cluster.stop()
            print("Database stoppet")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vis om databasen kjører.")
        @OptionGroup var location: Location

        func run() throws {
            let cluster = try location.cluster()
            switch try cluster.status() {
            case .notInitialized:
                print("ikke opprettet: \(cluster.directory.path)")
                throw ExitCode(3)
            case .stopped:
                print("stoppet: \(cluster.directory.path)")
                throw ExitCode(3)
            case .running(let pid):
                print("kjører (pid \(pid.map(String.init) ?? "?")): \(cluster.socketDirectory.path)")
            }
        }
    }
}
