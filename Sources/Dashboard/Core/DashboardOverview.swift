public import Foundation
public import VaktloggCore

/// The overview screen's numbers (key `v`), computed from the queue as last read: open entries per
/// unit by priority, overdue deadlines, P1s not yet acknowledged with their deadlines, counts by
/// status, and when the open entries occurred (the trend strips). Pure: a function of the state.
public struct DashboardOverview: Sendable, Hashable {
    /// One unit's row.
    public struct UnitRow: Sendable, Hashable {
        public var unit: String
        /// Open entries by priority, P1 first.
        public var byPriority: [Int]
        public var overdue: Int
    }

    /// How many entries have one status.
    public struct StatusCount: Sendable, Hashable {
        public var code: String
        public var count: Int
        public init(code: String, count: Int) {
            self.code = code
            self.count = count
        }
    }

    public var units: [UnitRow]
    /// Counts by status code, in lifecycle order, statuses with none left out.
    public var byStatus: [StatusCount]
    /// P1s still registered (not acknowledged), the nearest deadline first.
    public var unacknowledgedP1: [DashboardEntry]
    /// Open entries by the hour they occurred, the last 24 hours (oldest first).
    public var last24h: [Int]
    /// Open entries by the day they occurred, the last 7 days (oldest first).
    public var last7d: [Int]

    /// The overview of `entries` at `now`.
    public init(_ entries: [DashboardEntry], now: Date) {
        let priorities = Priority.allCases
        units = Dictionary(grouping: entries, by: \.unit).keys.sorted().map { unit in
            let mine = entries.filter { $0.unit == unit }
            return UnitRow(unit: unit, byPriority: priorities.map { p in mine.filter { $0.priority == p }.count },
                           overdue: mine.filter { $0.isOverdue(at: now) }.count)
        }
        let order = DashboardFacets.statusCodes
        let known = order.map { code in StatusCount(code: code, count: entries.filter { $0.status == code }.count) }
        let other = Set(entries.map(\.status)).subtracting(order).sorted().map { code in
            StatusCount(code: code, count: entries.filter { $0.status == code }.count)
        }
        byStatus = (known + other).filter { $0.count > 0 }
        unacknowledgedP1 = entries.filter { $0.priority == .p1 && $0.status == "registered" }
            .sorted { ($0.nextDue ?? .distantFuture) < ($1.nextDue ?? .distantFuture) }
        last24h = Self.buckets(entries, now: now, count: 24, width: 3600)
        last7d = Self.buckets(entries, now: now, count: 7, width: 86_400)
    }

    /// How many entries occurred in each of `count` spans of `width` seconds ending at `now`.
    static func buckets(_ entries: [DashboardEntry], now: Date, count: Int, width: TimeInterval) -> [Int] {
        var out = Array(repeating: 0, count: count)
        for e in entries {
            let age = now.timeIntervalSince(e.occurredAt)
            guard age >= 0 else { out[count - 1] += 1; continue }
            let index = count - 1 - Int(age / width)
            if index >= 0 { out[index] += 1 }
        }
        return out
    }

    /// A strip of block characters, one per count, scaled to the largest (a space for none).
    public static func sparkline(_ counts: [Int]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = counts.max() ?? 0
        return String(counts.map { n in
            guard n > 0, top > 0 else { return " " }
            return blocks[min(blocks.count - 1, (n * blocks.count - 1) / top)]
        })
    }
}
