import Foundation
public import VaktloggCore

/// The dashboard's new-entry form (key `n`): field names, placeholders, the rules' judgement before
/// saving, and what became of the entry; bokmål and English.
public enum DashboardFormText {
    public typealias T = LocalizedText

    /// The name of a form field (``FormField`` raw values), as the form shows it and a refusal names it.
    public static func fieldName(_ code: String) -> T {
        switch code {
        case "kind": T(nb: "Type", en: "Kind")
        case "category": T(nb: "Kategori", en: "Category")
        case "text": T(nb: "Tekst", en: "Text")
        case "persons": T(nb: "Person (saksnr.)", en: "Person (case no.)")
        case "personRole": T(nb: "Personens rolle", en: "Person's role")
        case "probability": T(nb: "Sannsynlighet", en: "Probability")
        case "consequence": T(nb: "Konsekvens", en: "Consequence")
        case "target": T(nb: "Mål", en: "Target")
        case "workingHours": T(nb: "Arbeidstid", en: "Working hours")
        case "source": T(nb: "Kilde", en: "Source")
        case "reliability": T(nb: "Kildens pålitelighet", en: "Source reliability")
        case "credibility": T(nb: "Troverdighet", en: "Credibility")
        case "interest": T(nb: "Truet interesse (tillegg)", en: "Threatened interest (extra)")
        case "unit": T(nb: "Enhet", en: "Unit")
        case "occurred": T(nb: "Tidspunkt", en: "Time")
        default: T(nb: code, en: code)
        }
    }

    public static let formTitle = T(nb: "Ny oppføring", en: "New entry")
    public static let inWorkingHours = T(nb: "i arbeidstid", en: "in working hours")
    public static let outsideWorkingHours = T(nb: "utenfor arbeidstid", en: "outside working hours")

    /// What an empty field means when saved.
    public static func placeholder(_ code: String) -> T? {
        switch code {
        case "unit": T(nb: "(hjemmeenheten din)", en: "(your home unit)")
        case "occurred": T(nb: "(nå; f.eks. 14:05)", en: "(now; e.g. 14:05)")
        case "persons": T(nb: "(ingen; flere skilles med komma)", en: "(none; separate several by commas)")
        case "interest": T(nb: "(kategoriens egne)", en: "(the category's own)")
        case "reliability", "credibility": T(nb: "(ikke gradert)", en: "(not graded)")
        default: nil
        }
    }

    public static let allowedValues = T(nb: "Tillatte verdier (skriv noen bokstaver, ↑↓ velg):",
                                        en: "Allowed values (type a few letters, ↑↓ choose):")
    public static func noMatch(_ query: String) -> T {
        T(nb: "Ingen verdi passer «\(query)».", en: "No value matches “\(query)”.")
    }

    // MARK: The rules' judgement before saving
    public static func judgementTitle(version: String) -> T {
        T(nb: "Reglenes vurdering (\(version)):", en: "The rules' judgement (\(version)):")
    }
    public static func judgedPriority(_ priority: String, interests: String) -> T {
        T(nb: "Prioritet \(priority) · truet: \(interests)", en: "Priority \(priority) · threatened: \(interests)")
    }
    public static func judgedRisk(score: Int, band: String) -> T {
        T(nb: "Risiko \(score) (\(band))", en: "Risk \(score) (\(band))")
    }
    public static func judgedDeadline(_ name: String, due: String, left: String) -> T {
        T(nb: "Frist: \(name) \(due) (om \(left))", en: "Deadline: \(name) \(due) (in \(left))")
    }
    public static let judging = T(nb: "Reglene vurderer …", en: "The rules are judging …")
    public static let saving = T(nb: "Lagrer …", en: "Saving …")

    // MARK: Hint bar and messages
    public static let hintForm = T(
        nb: "Tab/⇧Tab felt · skriv for å velge · ↑↓ velg · Enter lagre · Esc lukk (utkastet beholdes)",
        en: "Tab/⇧Tab field · type to pick · ↑↓ choose · Enter save · Esc close (draft kept)")
    public static let hintConfirm = T(nb: "Lagre oppføringen? Kan ikke angres. j = ja · n/Esc = tilbake til skjemaet",
                                      en: "Save the entry? Cannot be undone. y = yes · n/Esc = back to the form")
    public static func fieldRefused(field: T, message: String) -> T {
        T(nb: "\(field.nb): \(message)", en: "\(field.en): \(message)")
    }
    public static let draftKept = T(nb: "Utkastet er beholdt – n åpner det igjen, N et nytt.",
                                    en: "The draft is kept – n opens it again, N a new one.")
    public static func logged(ref: String, priority: String) -> T {
        T(nb: "Ført: \(ref) (\(priority)).", en: "Logged: \(ref) (\(priority)).")
    }
    public static func alreadyStored(ref: String) -> T {
        T(nb: "Allerede lagret som \(ref) (et tidligere forsøk kom fram).", en: "Already stored as \(ref) (an earlier attempt got through).")
    }
    public static func spooled(reason: String) -> T {
        T(nb: "Databasen svarer ikke (\(reason)): oppføringen er lagt i spoolen og leveres med `vaktlogg sync`.",
          en: "The database does not answer (\(reason)): the entry is in the spool; deliver it with `vaktlogg sync`.")
    }
    public static let hintNew = T(nb: "n ny", en: "n new")
    public static let draftMark = T(nb: "✎ utkast venter (n)", en: "✎ draft waiting (n)")
    /// The status bar's spool count.
    public static func spoolWaiting(_ count: Int) -> T {
        T(nb: "✉ \(count) i spool", en: "✉ \(count) spooled")
    }

    /// The form's keys in the help overlay.
    public static let helpLines: [(String, T)] = [
        // n opens the kept draft if there is one; N starts a blank form, discarding it.
        ("n N", T(nb: "ny oppføring (N: blank)", en: "new entry (N: blank)")),
    ]
}
