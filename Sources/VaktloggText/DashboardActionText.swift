import Foundation
public import VaktloggCore

/// The dashboard's action prompts, confirmations and results, bokmål and English.
extension DashboardText {
    /// The action's name as a verb, for the prompt and the help.
    public static func actionName(_ code: String) -> T {
        switch code {
        case "acknowledge": T(nb: "kvitter", en: "acknowledge")
        case "assign": T(nb: "tildel", en: "assign")
        case "comment": T(nb: "kommenter", en: "comment")
        case "treat": T(nb: "behandle (årsak)", en: "treat (cause)")
        case "close": T(nb: "lukk", en: "close")
        case "reopen": T(nb: "gjenåpne", en: "reopen")
        case "amend": T(nb: "rett teksten", en: "amend the text")
        case "measure": T(nb: "registrer tiltak", en: "record a measure")
        default: T(nb: code, en: code)
        }
    }

    /// What the officer is asked to type for a field.
    public static func fieldLabel(_ code: String) -> T {
        switch code {
        case "user": T(nb: "til bruker", en: "to user")
        case "comment": T(nb: "kommentar", en: "comment")
        case "cause": T(nb: "årsaksanalyse", en: "cause analysis")
        case "verification": T(nb: "verifisering (avvik; ellers tom)", en: "verification (deviation; else empty)")
        case "reason": T(nb: "begrunnelse", en: "reason")
        case "newText": T(nb: "ny tekst", en: "new text")
        case "measureType": T(nb: "tiltakstype", en: "measure type")
        case "purpose": T(nb: "beskytter interessen", en: "protects the interest")
        case "restrictiveness": T(nb: "inngripen 0–4", en: "restrictiveness 0–4")
        case "person": T(nb: "person (saksnr.; tom: ingen)", en: "person (case no.; empty: none)")
        case "justification": T(nb: "begrunnelse (tom: ingen)", en: "justification (empty: none)")
        default: T(nb: code, en: code)
        }
    }

    /// `OSLO-12 · kommenter · kommentar: …█  (Enter videre · Esc avbryt)`.
    public static func promptTyping(ref: String, action: T, field: T, value: String) -> T {
        T(nb: "\(ref) · \(action.nb) · \(field.nb): \(value)█  (Enter videre · Esc avbryt)",
          en: "\(ref) · \(action.en) · \(field.en): \(value)█  (Enter next · Esc cancel)")
    }

    /// The confirmation before anything is recorded.
    public static func promptConfirm(ref: String, action: T, summary: String) -> T {
        let tail = summary.isEmpty ? "" : " «\(summary)»"
        return T(nb: "\(action.nb.capitalizedFirst) \(ref)\(tail)? Kan ikke angres. j = ja · n/Esc = nei",
                 en: "\(action.en.capitalizedFirst) \(ref)\(tail)? Cannot be undone. y = yes · n/Esc = no")
    }

    public static func actionDone(_ code: String, ref: String) -> T {
        T(nb: "\(ref): \(actionName(code).nb) – registrert.", en: "\(ref): \(actionName(code).en) – recorded.")
    }
    public static let actionCancelled = T(nb: "Avbrutt; ingenting er registrert.", en: "Cancelled; nothing recorded.")
    public static func fieldRequired(_ code: String) -> T {
        T(nb: "Feltet «\(fieldLabel(code).nb)» må fylles ut.", en: "The field “\(fieldLabel(code).en)” is required.")
    }

    /// A picked value that matches none of the allowed ones.
    public static func noValueMatches(field: String, typed: String) -> T {
        T(nb: "«\(typed)» passer ingen verdi for «\(fieldLabel(field).nb)».",
          en: "“\(typed)” matches no value for “\(fieldLabel(field).en)”.")
    }
    /// The best match of what is typed, shown after it: `ekst → ekstra kontroll`.
    public static func matchShown(_ label: String) -> T { T(nb: " → \(label)", en: " → \(label)") }
    /// The rules' verdict on a measure, before it is confirmed.
    public static func measureOutcome(_ outcome: String) -> T {
        T(nb: "Reglenes vurdering: \(outcome)", en: "The rules' judgement: \(outcome)")
    }
    /// A rule the measure departs from, and why.
    public static func measureViolation(rule: String, reason: String, justified: Bool) -> T {
        T(nb: "· \(rule): \(reason)" + (justified ? " (begrunnet)" : ""), en: "· \(rule): \(reason)" + (justified ? " (justified)" : ""))
    }

    /// The keys of the actions, for the hint bar (hidden in --readonly).
    public static let hintActions = T(nb: "a kvitter · s tildel · c kommenter · t behandle · x lukk · o gjenåpne · e rett · m tiltak",
                                      en: "a ack · s assign · c comment · t treat · x close · o reopen · e amend · m measure")
}

fileprivate extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
