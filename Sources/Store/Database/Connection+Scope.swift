import Postgres
import VaktloggCore

extension Connection {
    /// Runs `body` in a new transaction, or, when `joining` is true, inside the transaction the caller
    /// already opened (demo seeding writes many facts in one backdated transaction).
    func scoped<T>(joining: Bool, _ body: (Connection) throws -> T) throws -> T {
        joining ? try body(self) : try transaction(body)
    }

    /// ``scoped(joining:_:)`` with every failure turned into a ``StoreError``: a refusal of the
    /// database into its message, anything unexpected into an internal error.
    func storeScoped<T>(joining: Bool, _ body: (Connection) throws -> T) throws(StoreError) -> T {
        do {
            return try scoped(joining: joining, body)
        } catch {
            throw StoreError.wrapping(error)
        }
    }
}

extension StoreError {
    /// Any error as a Store error (database refusals mapped, validation errors kept, the rest
    /// internal).
    static func wrapping(_ error: any Error) -> StoreError {
        switch error {
        case let e as StoreError: e
        case let e as PostgresError: StoreError(e)
        case let e as ValidationError: StoreError(e)
        default: StoreError(code: "internal", message: LocalizedText(nb: "intern feil", en: "internal error"), category: .internal)
        }
    }
}
