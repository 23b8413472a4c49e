import ArgumentParser
import Foundation
import Reports
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg report sik`: the SIK compliance report for a unit or region and a period.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Rapporter for ledere.", subcommands: [SIK.self])

    struct SIK: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sik", abstract: "SIK-rapport for en enhet eller region og en periode.",
            discussion: "Every number comes from sik_metrics/sik_breakdown (sql/023) under your own login. Exit 64 usage, 77 not permitted, 69 database unreachable.")

        @Option(help: ArgumentHelp("Enhet.", valueName: "CODE")) var unit: String?
        @Option(help: ArgumentHelp("Region.", valueName: "CODE")) var region: String?
        @Option(help: ArgumentHelp("Første dag (ÅÅÅÅ-MM-DD).", valueName: "DATE")) var from: String?
        @Option(help: ArgumentHelp("Siste dag (ÅÅÅÅ-MM-DD), tas med.", valueName: "DATE")) var to: String?
        @Option(help: ArgumentHelp("2026, 2026-10, 2026-Q3, last-month, last-quarter.", valueName: "PERIOD")) var period: String?
        @Option(help: ArgumentHelp("text, md, csv, json, html, pdf.", valueName: "FORMAT")) var format = "text"
        @Option(help: ArgumentHelp("Skriv til fil.", valueName: "FILE")) var out: String?
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let now = Date()
            func usage(_ text: LocalizedText) -> ExitCode { CLI.fail(text, language: l); return ExitStatus.usage }
            let scope: SIKReport.Scope
            switch (unit, region) {
            case (let u?, nil): scope = .unit(u)
            case (nil, let r?): scope = .region(r)
            default: throw usage(ReportText.unitOrRegion)
            }
            let chosen: ReportPeriod
            switch (period, from, to) {
            case (let p?, nil, nil):
                guard let parsed = ReportPeriod.named(p, now: now) else { throw usage(ReportText.badPeriod(p)) }
                chosen = parsed
            case (nil, let f?, let t?):
                guard let a = CalendarDate(f), let b = CalendarDate(t), let parsed = ReportPeriod(first: a, last: b)
                else { throw usage(ReportText.periodOrDates) }
                chosen = parsed
            default: throw usage(ReportText.periodOrDates)
            }
            guard ["text", "md", "csv", "json", "html", "pdf"].contains(format) else { throw usage(ReportText.badFormat(format)) }
            if format == "pdf" {
                guard out != nil else { throw usage(ReportText.pdfNeedsOut) }
                guard PDFRenderer.chromium() != nil else { CLI.fail(ReportText.pdfNeedsChromium, language: l); throw ExitStatus.unavailable }
            }
            // Progress only on a terminal, on stderr, so the report on stdout stays clean.
            // The line is rewritten in place (\r, then erase to its end) and erased when the report is
            // built, so a terminal is left as it was.
            let tty = isatty(STDERR_FILENO) == 1
            let report = try StoreCommand.run(options) { c in
                try SIKReport.build(session: StoreSession(connection: c), scope: scope, period: chosen, now: now,
                                    progress: { step, steps in
                                        if tty { CLI.stderr("\r" + ReportText.progress(step, steps)(l) + "\u{1B}[K", terminator: "") }
                                    })
            }
            if tty { CLI.stderr("\r\u{1B}[K", terminator: "") }
            let text: String
            switch format {
            case "md": text = TextRenderer(language: l, markdown: true).render(report)
            case "csv": text = CSVRenderer().render(report)
            case "json": text = try JSONRenderer().render(report)
            case "html", "pdf": text = HTMLRenderer(language: l).render(report)
            default: text = TextRenderer(language: l).render(report)
            }
            if format == "pdf", let out {
                do { try PDFRenderer().render(html: text, to: URL(fileURLWithPath: out)) } catch {
                    CLI.fail(ReportText.pdfFailed, language: l); throw ExitStatus.internal
                }
            } else if let out {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                    CLI.fail(VerifyText.cannotWrite(out), language: l); throw ExitStatus.cannotCreate
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
