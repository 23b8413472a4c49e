extension StoreError {
    /// A stable, language-neutral error code. Extensible: a new code breaks no caller. The schema's
    /// refusals (`vaktlogg:CODE` hints in sql/) arrive as codes of their own name.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The code as written in JSON output and the catalogue, e.g. `unknown_entry`.
        public let rawValue: String
        /// Wraps a raw code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Wraps a literal code.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The raw code.
        public var description: String { rawValue }

        // MARK: Connection

        /// The database cannot be reached. Arguments: `detail` (libpq's words).
        public static let databaseUnavailable: Code = "database_unavailable"
        /// The server refused the login. Arguments: `detail`.
        public static let loginRefused: Code = "login_refused"
        /// Connected, but not an active user of Vaktlogg.
        public static let notAUser: Code = "not_a_user"

        // MARK: Database refusals without a hint

        /// Permission denied by the database.
        public static let notPermitted: Code = "not_permitted"
        /// A unique constraint. Field: the constraint.
        public static let duplicate: Code = "duplicate"
        /// A check, foreign-key, not-null or data error. Arguments: `constraint`.
        public static let refusedByDatabase: Code = "refused_by_database"
        /// Anything unanticipated. Arguments: `sqlstate` (from the database) or `type` (any other).
        public static let `internal`: Code = "internal"

        // MARK: Input

        /// A required text is blank.
        public static let blank: Code = "blank"
        /// A text is too long. Arguments: `max`.
        public static let tooLong: Code = "too_long"
        /// A text contains control characters.
        public static let controlCharacters: Code = "control_characters"
        /// A number outside its range. Arguments: `value`, `min`, `max`.
        public static let outOfRange: Code = "out_of_range"
        /// A person given by something that is not a case number (pseudonymous reference).
        public static let notAPseudonym: Code = "not_a_pseudonym"
        /// A malformed unit code (a `ValidationError` of `UnitCode`: its message names the input).
        public static let invalidUnitCode: Code = "invalid_unit_code"
        /// A malformed region code. Arguments: `input`.
        public static let invalidRegionCode: Code = "invalid_region_code"
        /// A malformed user name. Arguments: `input`.
        public static let invalidUserName: Code = "invalid_user_name"
        /// An unknown role. Arguments: `input`, `allowed` (comma-separated codes).
        public static let unknownRole: Code = "unknown_role"
        /// An unknown unit type. Arguments: `input`, `allowed` (comma-separated codes).
        public static let unknownUnitType: Code = "unknown_unit_type"
        /// An unknown category for the entry's kind. Arguments: `input`, `kind`, `allowed`.
        public static let unknownCategory: Code = "unknown_category"

        // MARK: Units, regions, users

        /// An unknown unit. Arguments: `unit` (one or more, comma-separated), optionally `known`.
        public static let unknownUnit: Code = "unknown_unit"
        /// An unknown region. Arguments: `region`, `known`.
        public static let unknownRegion: Code = "unknown_region"
        /// The caller has no home unit and named none.
        public static let noHomeUnit: Code = "no_home_unit"
        /// The unit exists but is not visible to the caller; without `unit`, deliberately vague
        /// ("unknown or not visible"). Arguments: optionally `unit`.
        public static let unitNotVisible: Code = "unit_not_visible"
        /// The caller may not write the shift log of the unit. Arguments: `unit`.
        public static let unitNotWritable: Code = "unit_not_writable"
        /// The caller may not log entries for the unit. Arguments: `unit`, `role`.
        public static let unitNotPermitted: Code = "unit_not_permitted"
        /// Arguments: `unit`.
        public static let duplicateUnit: Code = "duplicate_unit"
        /// Arguments: `region`.
        public static let duplicateRegion: Code = "duplicate_region"
        /// Arguments: `name`, `disabled` (`true`/`false`).
        public static let duplicateUser: Code = "duplicate_user"
        /// The role needs at least one unit. Arguments: `role`.
        public static let unitRequired: Code = "unit_required"
        /// Arguments: optionally `name`.
        public static let unknownUser: Code = "unknown_user"
        /// Arguments: optionally `name`.
        public static let notDisabled: Code = "not_disabled"
        /// Only an administrator may do this.
        public static let adminRequired: Code = "admin_required"

        // MARK: Entries

        /// No entry with this reference among the caller's units. Arguments: `ref`.
        public static let unknownEntry: Code = "unknown_entry"
        /// A logged read (persons, sealed reporter) attempted inside an open transaction: the database
        /// honours it only after its access-log row has committed.
        public static let readInTransaction: Code = "read_in_transaction"
        /// The idempotency key is stored, but for an entry the caller cannot see.
        public static let duplicateKey: Code = "duplicate_key"
        /// An amendment without a reason.
        public static let amendmentReasonRequired: Code = "amendment_reason_required"
        /// An amendment that changes nothing.
        public static let noChanges: Code = "no_changes"
        /// An amendment whose changes equal the current values.
        public static let changesEqualCurrent: Code = "changes_equal_current"
        /// A time in the future.
        public static let timeInFuture: Code = "time_in_future"

        // MARK: Measures and decisions (violations carry the rules' reasons)

        /// A strict rule is broken; not stored.
        public static let measureRejected: Code = "measure_rejected"
        /// A main rule is broken without a justification.
        public static let measureNeedsJustification: Code = "measure_needs_justification"
        /// The measure burdens rehabilitation and says nothing of the effect.
        public static let measureNeedsRehabilitationNote: Code = "measure_needs_rehabilitation_note"
        /// A restrictive measure (level 2 or more) names no person.
        public static let measurePersonRequired: Code = "measure_person_required"
        /// A decision significant for public safety without justification or assessments.
        public static let decisionRejected: Code = "decision_rejected"

        // MARK: Shift log

        /// Arguments: `unit`.
        public static let noPendingHandover: Code = "no_pending_handover"
        /// No such handover in the unit.
        public static let unknownHandover: Code = "unknown_handover"
        /// The handover was already accepted.
        public static let alreadyAccepted: Code = "already_accepted"

        // MARK: Demo

        /// The database already holds entries; the demo seeds only an empty one.
        public static let notEmpty: Code = "not_empty"
        /// The synthetic seed switches triggers off for its transaction, which needs a superuser.
        public static let superuserRequired: Code = "superuser_required"
    }
}
