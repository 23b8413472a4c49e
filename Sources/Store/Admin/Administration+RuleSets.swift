import Postgres
public import Rules
import Postgres

extension Administration {
    /// Registers `ruleSet` in the database so that entries may be judged by it (`log --rules FILE`):
    /// the database computes every entry's judgement from the rule sets it holds (sql/014) and
    /// refuses a version it does not know. Registering the same content again is a no-op; other
    /// content under a registered version is refused (`rule_set_version_taken`): a version entries
    /// were judged by never changes. Returns the hash the database recorded (equal to
    /// `ruleSet.hash`).
    @discardableResult
    public func registerRuleSet(_ ruleSet: RuleSet) throws(StoreError) -> String {
        try StoreError.mapping {
            try connection.transaction { c in
                try requireAdministrator(c)
                return try c.query("SELECT admin_register_rule_set(\(ruleSet.canonicalJSON)) AS hash").first!
                    .decode(String.self, "hash")
            }
        }
    }
}
