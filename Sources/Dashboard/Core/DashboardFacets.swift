public import VaktloggCore
import Foundation
import VaktloggText

/// The queue's filters by field, set from the `:` command line (`:unit OSLO`, `:kind avvik`,
/// `:pri P1`, `:status kvitt`, `:clear`). Each narrows the queue; all together are an AND.
public struct DashboardFacets: Sendable, Hashable {
    public var unit: String?
    public var kind: EntryKind?
    public var priority: Priority?
    /// A status code (`acknowledged` …).
    public var status: String?

    public init(unit: String? = nil, kind: EntryKind? = nil, priority: Priority? = nil, status: String? = nil) {
        self.unit = unit
        self.kind = kind
        self.priority = priority
        self.status = status
    }

    public var isEmpty: Bool { unit == nil && kind == nil && priority == nil && status == nil }

    /// Whether `e` passes every facet set.
    public func admits(_ e: DashboardEntry) -> Bool {
        (unit.map { $0.caseInsensitiveCompare(e.unit) == .orderedSame } ?? true)
            && (kind.map { $0 == e.kind } ?? true)
            && (priority.map { $0 == e.priority } ?? true)
            && (status.map { $0 == e.status } ?? true)
    }

    /// The status codes a command may name (their labels are matched by prefix).
    static let statusCodes = ["registered", "acknowledged", "under_treatment", "measure_decided", "assessed"]

    /// Applies one command line; nil when it names no known command or value (the caller says so).
    func applying(_ line: String, language: Language) -> DashboardFacets? {
        let words = line.split(separator: " ", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let verb = words.first?.lowercased() else { return self }
        let value = words.count > 1 ? words[1] : ""
        func matches(_ code: String, _ label: LocalizedText) -> Bool {
            let v = value.lowercased()
            return !v.isEmpty && (code.lowercased().hasPrefix(v) || label(language).lowercased().hasPrefix(v))
        }
        var f = self
        switch verb {
        case "clear", "tøm", "alle", "all":
            return DashboardFacets()
        case "unit", "enhet":
            f.unit = value.isEmpty ? nil : value.uppercased()
        case "kind", "type":
            if value.isEmpty { f.kind = nil; return f }
            guard let k = EntryKind.allCases.first(where: { matches($0.rawValue, DashboardText.kind($0)) }) else { return nil }
            f.kind = k
        case "pri", "prioritet", "priority":
            if value.isEmpty { f.priority = nil; return f }
            let v = value.uppercased()
            guard let p = Priority(rawValue: v.hasPrefix("P") ? v : "P" + v) else { return nil }
            f.priority = p
        case "status":
            if value.isEmpty { f.status = nil; return f }
            guard let s = Self.statusCodes.first(where: { matches($0, DashboardText.status($0)) }) else { return nil }
            f.status = s
        default:
            return nil
        }
        return f
    }

    /// The facets as shown in the title line (`enhet=OSLO pri=P1`).
    func shown(_ language: Language) -> String {
        var parts: [String] = []
        if let unit { parts.append(DashboardText.facetUnit(unit)(language)) }
        if let kind { parts.append(DashboardText.facetKind(DashboardText.kind(kind)(language))(language)) }
        if let priority { parts.append(DashboardText.facetPriority(priority.rawValue)(language)) }
        if let status { parts.append(DashboardText.facetStatus(DashboardText.status(status)(language))(language)) }
        return parts.joined(separator: " ")
    }
}
