import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// The fields of an entry as flags (domain.md §5). Kind-specific flags are refused on other kinds
/// by the draft's validation.
struct EntryFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Enhetskode (standard: din hjemmeenhet).", valueName: "CODE"))
    var unit: String?

    @Option(help: ArgumentHelp("Kategori (for manipulasjon: metode, for trussel: type).", valueName: "CODE"))
    var category: String?

    @Option(help: ArgumentHelp("Fritekst.", valueName: "TEXT"))
    var text: String?

    @Option(help: ArgumentHelp("Når det skjedde: 14:05, '2026-11-23 14:05' (Oslo-tid) eller RFC 3339. Standard: nå.", valueName: "TIME"))
    var occurred: String?

    @Option(help: ArgumentHelp("Område.", valueName: "DOMAIN"))
    var domain: SecurityDomain?

    @Option(name: .customLong("person"), help: ArgumentHelp("Involvert person, ROLLE:SAKSNUMMER (gjentas).", valueName: "ROLE:REF"))
    var persons: [String] = []

    @Option(name: .customLong("interest"), help: ArgumentHelp("Truet interesse i tillegg til kategoriens (gjentas).", valueName: "CODE"))
    var interests: [Interest] = []

    @Option(help: ArgumentHelp("Sannsynlighet 1–5.", valueName: "N"))
    var probability: Int?

    @Option(help: ArgumentHelp("Konsekvens 1–5.", valueName: "N"))
    var consequence: Int?

    @Option(help: ArgumentHelp("Manipulasjon: mål.", valueName: "TARGET"))
    var target: ManipulationTarget?

    @Flag(name: .customLong("working-hours"), inversion: .prefixedEnableDisable,
          help: "Manipulasjon: i arbeidstid (--enable-working-hours) eller utenfor (--disable-working-hours).")
    var workingHours: Bool?

    @Option(help: ArgumentHelp("Trussel: kilde.", valueName: "SOURCE"))
    var source: ThreatSource?

    @Option(help: ArgumentHelp("Trussel: kildens pålitelighet A–F.", valueName: "A-F"))
    var reliability: SourceReliability?

    @Option(help: ArgumentHelp("Trussel: informasjonens troverdighet 1–6.", valueName: "1-6"))
    var credibility: InformationCredibility?

    @Option(name: .customLong("criterion"), help: ArgumentHelp("Trussel: kriterium for organisert kriminalitet 1–11 (gjentas).", valueName: "N"))
    var criteria: [Int] = []

    @Flag(help: "Trussel: gjelder en INFOFLYT-innsatt.")
    var infoflyt = false

    /// Builds a draft, collecting every flag that does not parse.
    func draft(kind: EntryKind, now: Date) -> (EntryDraft, [VaktloggCore.ValidationError]) {
        var errors: [VaktloggCore.ValidationError] = []
        var d = EntryDraft(kind: kind, category: category ?? "", text: text ?? "")
        d.unit = unit
        if let occurred {
            if let t = OsloTime.parse(occurred, now: now) { d.occurredAt = t } else {
                errors.append(VaktloggCore.ValidationError(code: .invalidFormat, field: "occurred", message: InputText.unknownTime(occurred)))
            }
        }
        if let domain { d.domain = domain }
        for (i, p) in persons.enumerated() {
            let parts = p.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let role = PersonRole(rawValue: parts[0]) else {
                errors.append(VaktloggCore.ValidationError(code: .invalidFormat, field: "person[\(i)]", message: InputText.personFormat(roles: Self.list(PersonRole.self))))
                continue
            }
            d.persons.append(.init(role: role, ref: parts[1]))
        }
        d.interests += interests
        d.probability = probability
        d.consequence = consequence
        d.target = target
        d.inWorkingHours = workingHours
        d.source = source
        d.sourceReliability = reliability
        d.informationCredibility = credibility
        d.organisedCrimeCriteria = criteria
        if infoflyt { d.infoflyt = true }
        return (d, errors)
    }

    /// The per-field flags given on the command line (as typed, `--unit` …), for refusing them
    /// beside `--input`, which reads the whole entry.
    var given: [String] {
        var flags: [String] = []
        if unit != nil { flags.append("--unit") }
        if category != nil { flags.append("--category") }
        if text != nil { flags.append("--text") }
        if occurred != nil { flags.append("--occurred") }
        if domain != nil { flags.append("--domain") }
        if !persons.isEmpty { flags.append("--person") }
        if !interests.isEmpty { flags.append("--interest") }
        if probability != nil { flags.append("--probability") }
        if consequence != nil { flags.append("--consequence") }
        if target != nil { flags.append("--target") }
        if let workingHours { flags.append(workingHours ? "--enable-working-hours" : "--disable-working-hours") }
        if source != nil { flags.append("--source") }
        if reliability != nil { flags.append("--reliability") }
        if credibility != nil { flags.append("--credibility") }
        if !criteria.isEmpty { flags.append("--criterion") }
        if infoflyt { flags.append("--infoflyt") }
        return flags
    }

    static func list<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
