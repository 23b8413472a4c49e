public import Foundation

/// Locates Debian's PostgreSQL server programs (`/usr/lib/postgresql/<major>/bin`).
public struct PostgresBinaries: Sendable {
    /// The directory holding `initdb`, `pg_ctl` and `postgres`.
    public let directory: URL

    /// Uses `directory` as it is.
    public init(directory: URL) { self.directory = directory }

    var initdb: URL { directory.appendingPathComponent("initdb") }
    var pgCtl: URL { directory.appendingPathComponent("pg_ctl") }
    var pgIsReady: URL { directory.appendingPathComponent("pg_isready") }

    /// `VAKTLOGG_PG_BIN` when set, else the newest `/usr/lib/postgresql/*/bin` with an `initdb`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Self {
        let fm = FileManager.default
        if let dir = environment["VAKTLOGG_PG_BIN"], !dir.isEmpty {
            return Self(directory: URL(fileURLWithPath: dir))
        }
        let root = "/usr/lib/postgresql"
        let majors = ((try? fm.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init)
            .filter { fm.isExecutableFile(atPath: "\(root)/\($0)/bin/initdb") }
            .sorted()
        guard let newest = majors.last else {
            throw EmbeddedClusterError(
                tool: "initdb", exitCode: -1,
                output: "PostgreSQL server programs not found under \(root); install the Debian package 'postgresql' or set VAKTLOGG_PG_BIN")
        }
        return Self(directory: URL(fileURLWithPath: "\(root)/\(newest)/bin"))
    }
}
