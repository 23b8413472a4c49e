import Postgres

extension Connection {
    /// Runs `body` in a new transaction, or, when `joining` is true, inside the transaction the caller
    /// already opened (demo seeding writes many facts in one backdated transaction).
    func scoped<T>(joining: Bool, _ body: (Connection) throws -> T) throws -> T {
        joining ? try body(self) : try transaction(body)
    }

    /// ``scoped(joining:_:)`` with every failure turned into a ``StoreError``: a refusal of the
    /// database into its message, anything unexpected into an internal error.
    func storeScoped<T>(joining: Bool, _ body: (Connection) throws -> T) throws(StoreError) -> T {
        try StoreError.mapping { try scoped(joining: joining, body) }
    }
}
