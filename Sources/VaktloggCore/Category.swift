/// A category code qualified by the entry kind it belongs to.
///
/// Codes overlap between kinds (`threat_staff` is both an incident and a threat type, every kind has
/// `other`), so a bare code is never enough to identify a category.
public struct EntryCategory: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The entry kind.
    public let kind: EntryKind
    /// The category code within `kind` (method for manipulation, type for threat).
    public let code: String

    /// A category, or `nil` when `code` is not a category of `kind`.
    public init?(kind: EntryKind, code: String) {
        guard kind.categoryCodes.contains(code) else { return nil }
        self.kind = kind
        self.code = code
    }

    /// Whether this is the kind's catch-all `other`, which needs interests given by the reporter.
    public var isOther: Bool { code == "other" }

    /// Every category of every kind, in table order.
    public static var all: [EntryCategory] {
        EntryKind.allCases.flatMap { kind in kind.categoryCodes.compactMap { EntryCategory(kind: kind, code: $0) } }
    }

    /// `kind/code`, e.g. `incident/escape`.
    public var description: String { "\(kind.rawValue)/\(code)" }
}
