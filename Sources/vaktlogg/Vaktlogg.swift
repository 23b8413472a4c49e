import ArgumentParser
import VaktloggText

/// The `vaktlogg` command: parses, calls a library, prints. Nothing else lives here.
@main
struct Vaktlogg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaktlogg",
        abstract: "Vaktlogg — sikkerhetslogg for kriminalomsorgen.",
        subcommands: [
            LogCommand.self, ListCommand.self, ShowCommand.self,
            AckCommand.self, AssignCommand.self, CommentCommand.self, TreatCommand.self, CloseCommand.self,
            ReopenCommand.self, SupervisionCommand.self, AssessThreatCommand.self, PoliceCommand.self,
            MeasureCommand.self, DecideCommand.self, AssessPersonCommand.self, AmendCommand.self, SyncCommand.self,
            ShiftCommand.self, RegionCommand.self, UnitCommand.self, UserCommand.self, SeedCommand.self,
            VerifyCommand.self, RulesCommand.self, DatabaseCommand.self, DashboardCommand.self, ReportCommand.self,
            EscalateCommand.self, TokenCommand.self,
            MeasuresCommand.self, UnitMeasureCommand.self, AssessUnitCommand.self, DebriefCommand.self,
        ],
        // Bare `vaktlogg` opens the dashboard on a terminal and prints the queue when not (CI).
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses with `--lang`/`--user` accepted before the subcommand too (``GlobalOptions``).
    static func main() {
        main(GlobalOptions.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}
