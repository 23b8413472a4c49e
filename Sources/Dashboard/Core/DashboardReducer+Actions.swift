import Foundation
import VaktloggCore
import VaktloggText

extension DashboardReducer {
    /// Starts the action bound to `key` on `ref`; false when the key is no action (or `--readonly`,
    /// where no action exists at all).
    static func startAction(_ key: DashboardKey, ref: String, _ s: inout DashboardState) -> Bool {
        guard !s.readonly, case .character(let c) = key, let action = DashboardAction.forKey(c) else { return false }
        s.prompt = DashboardPrompt(action: action, ref: ref)
        return true
    }

    /// Typing an action's values, then confirming it. Nothing is sent before the explicit yes:
    /// every action appends to an entry's history and cannot be taken back.
    static func promptKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        guard var p = s.prompt else { return [] }
        if p.judging {
            // Waiting for the rules: Esc drops the action, nothing else happens.
            if key == .escape {
                s.prompt = nil
                s.message = DashboardText.actionCancelled(s.language)
                s.messageIsError = false
            }
            return []
        }
        if p.confirming {
            switch key {
            case .character("j"), .character("J"), .character("y"), .character("Y"):
                s.prompt = nil
                return [.runAction(p.request)]
            case .character("n"), .character("N"), .escape:
                s.prompt = nil
                s.message = DashboardText.actionCancelled(s.language)
                s.messageIsError = false
            case .backspace:
                // Back to the last value, to correct it.
                if !p.action.fields.isEmpty { p.confirming = false; p.judgement = nil; s.prompt = p }
            default:
                break
            }
            return []
        }
        switch key {
        case .character(let c):
            p.values[p.values.count - 1].append(c)
        case .backspace:
            if !p.values[p.values.count - 1].isEmpty {
                p.values[p.values.count - 1].removeLast()
            } else if p.values.count > 1 {
                p.values.removeLast()
            }
        case .enter:
            let value = p.values[p.values.count - 1].trimmingCharacters(in: .whitespaces)
            p.values[p.values.count - 1] = value
            if let field = p.field, field.isRequired, value.isEmpty {
                s.message = DashboardText.fieldRequired(field.rawValue)(s.language)
                s.prompt = p
                return []
            }
            if let field = p.field, !value.isEmpty, field.options(s.language) != nil {
                // A picked value: what was typed becomes its best match's code, or is refused.
                guard let match = field.match(value, s.language) else {
                    s.message = DashboardText.noValueMatches(field: field.rawValue, typed: value)(s.language)
                    s.prompt = p
                    return []
                }
                p.values[p.values.count - 1] = match.code
            }
            if p.values.count < p.action.fields.count {
                p.values.append("")
            } else if p.action.isJudged {
                p.judging = true
                s.prompt = p
                return [.judgeAction(p.request)]
            } else {
                p.confirming = true
            }
        case .escape:
            s.prompt = nil
            s.message = DashboardText.actionCancelled(s.language)
            s.messageIsError = false
            return []
        default:
            break
        }
        s.prompt = p
        return []
    }
}

extension DashboardReducer {
    /// The rules' judgement of a judged action arrived: shown, then the yes/no.
    static func actionJudged(_ request: DashboardActionRequest, _ lines: [String], _ s: inout DashboardState) {
        guard var p = s.prompt, p.judging, p.request == request else { return }
        p.judging = false
        p.judgement = lines
        p.confirming = true
        s.prompt = p
    }
}
