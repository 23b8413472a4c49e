import ArgumentParser
import Store

/// The CLI's exit statuses (design.md §6) and the one mapping from a Store error to its status.
/// The HTTP service will map the same error categories to HTTP statuses beside this.
enum ExitStatus {
    /// Wrong usage: an unknown option or value, a file that cannot be read (64).
    static let usage = ExitCode(64)
    /// Bad data or a rule the data breaks; nothing was written (65).
    static let badData = ExitCode(65)
    /// The database cannot be reached; a log entry is spooled (69).
    static let unavailable = ExitCode(69)
    /// A bug or an unexpected state (70).
    static let `internal` = ExitCode(70)
    /// An output file cannot be written (73).
    static let cannotCreate = ExitCode(73)
    /// Not permitted for this user, or the login is refused (77).
    static let notPermitted = ExitCode(77)
    /// `db status`: the embedded cluster is stopped or not created (3, as `pg_ctl status`).
    static let notRunning = ExitCode(3)

    /// The status of a Store error, from its category.
    static func of(_ error: StoreError) -> ExitCode {
        switch error.category {
        case .invalid: badData
        case .forbidden: notPermitted
        case .unavailable: unavailable
        case .internal: `internal`
        }
    }
}
