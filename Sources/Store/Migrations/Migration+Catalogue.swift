extension Migration {
    /// Every migration of this build, in order.
    ///
    /// SwiftPM's `embedInCode` names each resource after its file (a leading digit becomes `_`) and
    /// cannot be enumerated, so the list is written out here; a test checks it against `sql/`.
    ///
    /// Numbers 019, 021, 022, 024, 028, 029, 035, 036 and 039–042 were reserved for parallel
    /// branches and never used. A new migration takes the number after the highest, never a gap: an
    /// installed database has already applied the later files, so a file slotted in below them would
    /// run after them anyway.
    public static let all: [Migration] = [
        Migration(name: "001_reference.sql", bytes: PackageResources._01_reference_sql),
        Migration(name: "002_chain.sql", bytes: PackageResources._02_chain_sql),
        Migration(name: "003_entries.sql", bytes: PackageResources._03_entries_sql),
        Migration(name: "004_measures.sql", bytes: PackageResources._04_measures_sql),
        Migration(name: "005_logs_and_access.sql", bytes: PackageResources._05_logs_and_access_sql),
        Migration(name: "006_chain_history.sql", bytes: PackageResources._06_chain_history_sql),
        Migration(name: "007_shift_accept_once.sql", bytes: PackageResources._07_shift_accept_once_sql),
        Migration(name: "008_fixes.sql", bytes: PackageResources._08_fixes_sql),
        Migration(name: "009_verify_one_snapshot.sql", bytes: PackageResources._09_verify_one_snapshot_sql),
        Migration(name: "010_write_path.sql", bytes: PackageResources._10_write_path_sql),
        Migration(name: "011_schema_version.sql", bytes: PackageResources._11_schema_version_sql),
        Migration(name: "012_enable_user.sql", bytes: PackageResources._12_enable_user_sql),
        Migration(name: "013_function_grants_and_chain_races.sql", bytes: PackageResources._13_function_grants_and_chain_races_sql),
        Migration(name: "014_rules_in_the_database.sql", bytes: PackageResources._14_rules_in_the_database_sql),
        Migration(name: "015_sealed_identities_and_logged_reads.sql", bytes: PackageResources._15_sealed_identities_and_logged_reads_sql),
        Migration(name: "016_persons_channels_and_staff_data.sql", bytes: PackageResources._16_persons_channels_and_staff_data_sql),
        Migration(name: "017_notify_entry_and_measure_due.sql", bytes: PackageResources._17_notify_entry_and_measure_due_sql),
        Migration(name: "018_new_codes.sql", bytes: PackageResources._18_new_codes_sql),
        Migration(name: "020_escalate_overdue.sql", bytes: PackageResources._20_escalate_overdue_sql),
        Migration(name: "023_sik_report.sql", bytes: PackageResources._23_sik_report_sql),
        Migration(name: "025_service_authenticator.sql", bytes: PackageResources._25_service_authenticator_sql),
        Migration(name: "026_flags_decision_types_unit_deadlines.sql", bytes: PackageResources._26_flags_decision_types_unit_deadlines_sql),
        Migration(name: "027_rules_ksf_2006_2.sql", bytes: PackageResources._27_rules_ksf_2006_2_sql),
        Migration(name: "030_measures_over_time.sql", bytes: PackageResources._30_measures_over_time_sql),
        Migration(name: "031_unit_assessments.sql", bytes: PackageResources._31_unit_assessments_sql),
        Migration(name: "032_debriefings.sql", bytes: PackageResources._32_debriefings_sql),
        Migration(name: "033_escalate_follow_ups.sql", bytes: PackageResources._33_escalate_follow_ups_sql),
        Migration(name: "034_api_source_ref_folding.sql", bytes: PackageResources._34_api_source_ref_folding_sql),
        Migration(name: "037_sik_report_current_state.sql", bytes: PackageResources._37_sik_report_current_state_sql),
        Migration(name: "038_sik_follow_up_metrics.sql", bytes: PackageResources._38_sik_follow_up_metrics_sql),
        Migration(name: "043_policies_evaluate_role_once.sql", bytes: PackageResources._43_policies_evaluate_role_once_sql),
    ]

    init(name: String, bytes: [UInt8]) {
        self.init(name: name, sql: String(decoding: bytes, as: UTF8.self))
    }
}
