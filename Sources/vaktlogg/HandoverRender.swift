import Store
import VaktloggCore
import VaktloggText
import FoundationEssentials

/// A handover as the incoming officer reads it: who and when, counts, overdue deadlines, open P1s
/// and the shift's notes. Everything comes from the stored summary, so a handover printed later
/// reads exactly as it was handed over.
enum HandoverRender {
    static func render(_ handover: ShiftLogEntry, accept: ShiftLogEntry? = nil, _ l: Language) -> String {
        var lines = [ShiftText.handoverTitle(handover)(l), ShiftText.handedOverBy(handover)(l)]
        if let accept { lines.append(ShiftText.acceptedBy(accept)(l)) }
        guard let s = handover.summary else { return lines.joined(separator: "\n") }
        if let started = s.shiftStartedAt {
            lines.append(ShiftText.shiftStarted(OsloTime.format(started), s.shiftStartedBy ?? "?")(l))
        } else {
            lines.append(ShiftText.noShiftStart(l))
        }
        lines.append("")
        let priorities = Priority.allCases.map { "\($0.rawValue): \(s.byPriority[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        lines.append(ShiftText.openTotal(s.openTotal, priorities)(l))
        let statuses = HandoverSummary.openStatuses.compactMap { code -> String? in
            guard let n = s.byStatus[code], n > 0 else { return nil }
            return "\(Status.label(code)(l)) \(n)"
        }
        lines.append("\(ShiftText.byStatus(l)): \(statuses.isEmpty ? ShiftText.noneOpen(l) : statuses.joined(separator: ", "))")
        lines.append("")
        lines.append(ShiftText.overdue(s.overdue.count)(l))
        lines.append(contentsOf: items(s.overdue, l))
        lines.append(ShiftText.openP1(s.openP1.count)(l))
        lines.append(contentsOf: items(s.openP1, l))
        lines.append(ShiftText.notes(s.notes.count)(l))
        if s.notes.isEmpty { lines.append(ShiftText.noItems(l)) }
        for note in s.notes {
            lines.append("  \(OsloTime.format(note.at))  \(note.actor): \(note.text)")
        }
        return lines.joined(separator: "\n")
    }

    private static func items(_ items: [HandoverSummary.Item], _ l: Language) -> [String] {
        guard !items.isEmpty else { return [ShiftText.noItems(l)] }
        let rows = items.map { i in
            ["  " + i.ref, i.priority.rawValue, EntryCategory.label(kind: i.kind, code: i.category)(l), Status.label(i.status)(l),
             ShiftText.due(i.nextDue.map(OsloTime.format))(l)]
        }
        return TextTable.render(rows[0], Array(rows.dropFirst())).components(separatedBy: "\n")
    }
}
