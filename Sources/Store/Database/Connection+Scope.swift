import Postgres

extension Connection {
    /// Runs `body` in a new transaction, or, when `joining` is true, inside the transaction the caller
    /// already opened (demo seeding writes many facts in one backdated transaction).
    func scoped<T>(joining: Bool, _ body: (Connection) throws -> T) throws -> T {
        joining ? try body(self) : try transaction(body)
    }
}
