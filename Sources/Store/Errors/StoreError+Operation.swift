import Postgres
import VaktloggCore

extension StoreError {
    /// A failure nothing in the operation anticipated, without row data.
    static func unexpected(_ error: any Error) -> StoreError {
        .unexpected(.internal, ["type": "\(type(of: error))"])
    }

    /// Runs a Store operation, turning every failure into a `StoreError`: database errors through
    /// `StoreError(_: PostgresError)`, anything else as an internal error.
    static func mapping<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw wrapping(error)
        }
    }

    /// Any error as a Store error: database refusals mapped, validation errors kept with their
    /// field, the rest ``unexpected(_:)``.
    public static func wrapping(_ error: any Error) -> StoreError {
        switch error {
        case let e as StoreError: e
        case let e as PostgresError: StoreError(e)
        case let e as ValidationError: StoreError(e)
        default: unexpected(error)
        }
    }
}
