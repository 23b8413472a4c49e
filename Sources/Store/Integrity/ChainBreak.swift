/// Where a unit's chain first breaks.
public struct ChainBreak: Sendable, Hashable {
    /// The fact table of the row at the break; nil when the break is not a row (rows missing at
    /// the end, a difference from an exported head).
    public let table: String?
    /// The row's id in ``table``.
    public let id: Int64?
    /// The chain position of the break (for ``ChainProblem/missingRow``, of the first row after
    /// the gap; for ``ChainProblem/historyRewritten``, of the exported head).
    public let seq: Int64
    /// What is wrong.
    public let problem: ChainProblem

    /// A break at link `seq` (row `id` of `table` where known).
    public init(table: String?, id: Int64?, seq: Int64, problem: ChainProblem) {
        self.table = table
        self.id = id
        self.seq = seq
        self.problem = problem
    }
}
