/// Source reliability in the 6×6 intelligence grading (A completely reliable … F cannot be judged).
public enum SourceReliability: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Completely reliable.
    case a = "A"
    /// Usually reliable.
    case b = "B"
    /// Fairly reliable.
    case c = "C"
    /// Not usually reliable.
    case d = "D"
    /// Unreliable.
    case e = "E"
    /// Reliability cannot be judged.
    case f = "F"

    /// A sorts first (most reliable).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Information credibility in the 6×6 intelligence grading (1 confirmed … 6 cannot be judged).
public enum InformationCredibility: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Confirmed by other sources.
    case confirmed = "1"
    /// Probably true.
    case probablyTrue = "2"
    /// Possibly true.
    case possiblyTrue = "3"
    /// Doubtful.
    case doubtful = "4"
    /// Improbable.
    case improbable = "5"
    /// Truth cannot be judged.
    case cannotBeJudged = "6"

    /// 1 sorts first (most credible).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
