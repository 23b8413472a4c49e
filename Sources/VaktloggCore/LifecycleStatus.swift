/// The status of any entry: a deviation's finer lifecycle (``DeviationStatus``) or the general
/// one of incidents, manipulation reports and threats (``EntryStatus``).
///
/// Both are stored as one code in `entry_state.status`; ``code`` and ``init(kind:code:)`` convert.
public enum LifecycleStatus: Hashable, Sendable, CustomStringConvertible {
    case general(EntryStatus)
    case deviation(DeviationStatus)

    /// The stored code, e.g. `under_treatment`.
    public var code: String {
        switch self {
        case .general(let s): s.rawValue
        case .deviation(let s): s.rawValue
        }
    }

    public var description: String { code }

    /// True for either lifecycle's `closed`.
    public var isClosed: Bool { code == "closed" }

    /// The status of an entry of `kind` stored as `code`, or nil when the kind has no such status.
    public init?(kind: EntryKind, code: String) {
        if kind == .deviation {
            guard let s = DeviationStatus(rawValue: code) else { return nil }
            self = .deviation(s)
        } else {
            guard let s = EntryStatus(rawValue: code) else { return nil }
            self = .general(s)
        }
    }

    /// The status a filter means by `code`, whatever the kind (the general lifecycle first: a
    /// code both lifecycles share matches both, as the stored code is the same).
    public init?(code: String) {
        if let s = EntryStatus(rawValue: code) {
            self = .general(s)
        } else if let s = DeviationStatus(rawValue: code) {
            self = .deviation(s)
        } else {
            return nil
        }
    }

    /// Every status code, each once, in lifecycle order.
    public static let allCodes: [String] = {
        var seen = Set<String>()
        return (EntryStatus.allCases.map(\.rawValue) + DeviationStatus.allCases.map(\.rawValue))
            .sorted { order($0) < order($1) }.filter { seen.insert($0).inserted }
    }()

    private static func order(_ code: String) -> Int {
        ["registered", "acknowledged", "under_treatment", "measure_decided", "assessed", "closed"].firstIndex(of: code) ?? 99
    }
}
