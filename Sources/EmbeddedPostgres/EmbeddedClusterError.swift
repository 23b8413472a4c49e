/// A cluster-management step failed; `output` is what the tool printed, for the operator.
public struct EmbeddedClusterError: Error, CustomStringConvertible, Sendable {
    /// The program that failed (`initdb`, `pg_ctl`, …).
    public let tool: String
    /// Its exit status.
    public let exitCode: Int32
    /// What it printed, with the tail of the server log where relevant.
    public let output: String

    /// Describes a failed step.
    public init(tool: String, exitCode: Int32, output: String) {
        self.tool = tool
        self.exitCode = exitCode
        self.output = output
    }

    public var description: String { "\(tool) failed (exit \(exitCode)): \(output)" }
}
