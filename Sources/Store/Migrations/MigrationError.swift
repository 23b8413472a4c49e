/// Why the schema cannot be brought up to date.
///
/// Both cases need a person: a changed applied file means the code and the database disagree about
/// history, and an unknown applied migration means the database is newer than this binary.
public struct MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Sendable, Hashable {
        case changed
        case unknown
    }

    private let reason: Reason
    /// The migration file concerned.
    public let name: String

    /// An applied migration whose file content no longer matches the checksum recorded.
    public static func changed(_ name: String) -> MigrationError { MigrationError(reason: .changed, name: name) }
    /// A migration recorded in the database that this build does not know.
    public static func unknown(_ name: String) -> MigrationError { MigrationError(reason: .unknown, name: name) }

    /// True for ``changed(_:)``.
    public var isChangedFile: Bool { reason == .changed }

    public var description: String {
        switch reason {
        case .changed: "migration \(name) was changed after it was applied (checksum differs)"
        case .unknown: "migration \(name) is applied in the database but unknown to this version of vaktlogg"
        }
    }
}
