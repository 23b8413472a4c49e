import Foundation
import Store
import VaktloggCore
import VaktloggText

/// What `log` prints.
enum LogText {
    static func human(_ e: LoggedEntry) -> LocalizedText {
        EntryText.logged(ref: e.ref, alreadyStored: e.alreadyStored, priority: e.priority, score: e.riskScore, band: e.band,
                         actions: e.actions)
    }

    /// `{"ref": …, "priority": …, …}`, keys sorted (a stable, documented shape).
    static func json(_ e: LoggedEntry) -> String {
        let object: [String: Any] = [
            "id": e.id, "ref": e.ref, "unit": e.unit, "priority": e.priority.rawValue, "risk_score": e.riskScore,
            "band": e.band.rawValue, "interests": e.interests.map(\.rawValue), "rules_version": e.rulesVersion,
            "actions": e.actions.map(\.en), "already_stored": e.alreadyStored,
        ]
        return JSONText.encode(object)
    }
}

/// Compact JSON with sorted keys.
enum JSONText {
    static func encode(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reminds the officer that entries wait in the spool.
enum SpoolReminder {
    static func remind(_ spool: Spool, language: Language) {
        let n = spool.count
        guard n > 0 else { return }
        CLI.stderr(CLIText.spoolWaiting(n)(language))
    }
}
