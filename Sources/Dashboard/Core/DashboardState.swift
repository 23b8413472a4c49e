public import Foundation
public import VaktloggCore

/// Everything the dashboard shows, and nothing else: the renderer draws only from this.
public struct DashboardState: Sendable, Hashable {
    /// Which screen is in front.
    public enum Screen: Sendable, Hashable {
        case queue
        /// The detail of `ref`; `detail` in the state is nil until it is read.
        case detail(ref: String)
        /// Counts per unit, priority and status, unacknowledged P1s, trend strips (key `v`).
        case overview
    }

    /// The connection as the user needs to know it.
    public enum ConnectionState: Sendable, Hashable {
        case connected
        /// Lost at `since`; what is on screen was read at `lastGoodRead` (nil: never).
        case lost(since: Date, lastGoodRead: Date?)
    }

    /// Who is watching (the status bar).
    public struct Viewer: Sendable, Hashable {
        public var name: String
        /// The role code (`security_coordinator` …); labelled by ``DashboardText``.
        public var role: String
        public var units: [String]
        public init(name: String, role: String, units: [String]) {
            self.name = name
            self.role = role
            self.units = units
        }
    }

    public var language: Language
    public var viewer: Viewer
    public var readonly: Bool
    public var quiet: Bool

    public var screen: Screen = .queue
    public var helpVisible = false
    public var rows: Int
    public var columns: Int
    public var now: Date

    /// The queue as last read, in triage order.
    public var entries: [DashboardEntry] = []
    /// True until the first read arrives.
    public var queueLoading = true
    /// The text filter (`/`): rows whose fields contain it, ignoring case.
    public var filter = ""
    /// True while the filter is being typed.
    public var filterEditing = false
    /// The field filters set from the `:` command line.
    public var facets = DashboardFacets()
    /// True while the `:` command line is being typed; `command` is what is typed so far.
    public var commandEditing = false
    public var command = ""
    /// New P1 rows flashing since the last read (until the next key or tick; none with --quiet).
    public var flashing: Set<Int64> = []
    /// The selected entry, by id, so the selection survives the list changing under it.
    public var selectedID: Int64?
    /// First visible row of the queue table (kept so the selection stays in view).
    public var queueTop = 0

    /// The entry shown in the detail screen (also kept when going back, for Tab).
    public var detail: DashboardDetail?
    /// First visible line of the detail screen.
    public var detailTop = 0

    public var connection: ConnectionState = .connected
    /// When the data on screen was last read successfully.
    public var lastGoodRead: Date?
    /// A one-line message (a refused read, say) shown in the hint bar until the next key.
    public var message: String?
    /// False when ``message`` reports something done rather than refused (drawn without alarm).
    public var messageIsError = true
    /// The action being typed or confirmed (nil: none). Never set in `--readonly`.
    public var prompt: DashboardPrompt?

    /// The new-entry form's draft, kept when the form is closed with Esc (nil: none). Never set in
    /// `--readonly`.
    public var form: EntryForm?
    /// True while the form is in front.
    public var formVisible = false
    /// Entries waiting in the spool for `vaktlogg sync` (the status bar).
    public var spoolCount = 0

    /// A dashboard before any data: the loop sends the first `queueLoaded`.
    public init(viewer: Viewer, language: Language, rows: Int, columns: Int, now: Date,
                readonly: Bool = false, quiet: Bool = false) {
        self.viewer = viewer
        self.language = language
        self.rows = rows
        self.columns = columns
        self.now = now
        self.readonly = readonly
        self.quiet = quiet
    }
}
