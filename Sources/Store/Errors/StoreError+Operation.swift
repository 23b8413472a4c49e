import Postgres
import VaktloggCore

extension StoreError {
    /// The same error, naming `field` as the offending input.
    ///
    /// Refusals raised by the schema carry no field (the database knows columns, not options);
    /// the operation that provoked them does, so it adds it.
    func naming(_ field: String) -> StoreError {
        StoreError(code: code, field: field, message: message, category: category)
    }

    /// A failure nothing in the operation anticipated: exit 70, without row data.
    static func unexpected(_ error: any Error) -> StoreError {
        StoreError(code: "internal", message: LocalizedText(
            nb: "intern feil (\(type(of: error)))", en: "internal error (\(type(of: error)))"), category: .internal)
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
    static func wrapping(_ error: any Error) -> StoreError {
        switch error {
        case let e as StoreError: e
        case let e as PostgresError: StoreError(e)
        case let e as ValidationError: StoreError(e)
        default: unexpected(error)
        }
    }

}
