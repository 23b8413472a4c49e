-- Vaktlogg schema, part 26: person flags, decision types and per-unit deadline overrides (issue 14,
-- part A). Tables and columns only; the functions that use them are migration 027.
--
-- Principle 1 — a person's standing is data, never an inference. Whether a person is in the police
-- information flow (INFOFLYT), in preventive detention (forvaring) or on remand with a letter or
-- visit ban is a flag a security coordinator sets and lifts with a reason; each change is appended
-- (never updated), chained in the unit it was set in, and readable under the same rules as the
-- persons themselves: no application login reads the table; the flags of the persons of an entry
-- come with the logged read of those persons (migration 027).
--
-- Principle 2 — significance is proposed by the rule set, not ticked. A decision names its type;
-- the rule set names the types significant for public safety by default, and a decision of such a
-- type is recorded significant unless a justification says why not (not_significant_reason).
-- Both columns are nullable without a default: decisions are chained, and the canonical form
-- leaves nulls out, so rows from before this migration keep their hashes.
--
-- Principle 3 — configuration is versioned data. A unit's deadline overrides are appended rows; the
-- value in force for a key is the latest row, a NULL value returns the key to the rule set. The
-- database applies them when it computes the deadlines of a new entry; an entry's deadlines are
-- stored with it, so later overrides never move the deadlines of entries already logged.

-- ---------------------------------------------------------------------------------------------
-- Person flags
-- ---------------------------------------------------------------------------------------------

CREATE TABLE person_flags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_ref text NOT NULL REFERENCES persons (ref),
    -- the unit the change was made in (its chain); the flag itself is the person's, in every unit
    unit_code text NOT NULL REFERENCES units (code),
    flag text NOT NULL REFERENCES person_flag_codes (code),
    action text NOT NULL CONSTRAINT person_flags_action_check CHECK (action IN ('set', 'lift')),
    reason text NOT NULL CONSTRAINT person_flags_reason_check CHECK (btrim(reason) <> '' AND length(reason) <= 4000),
    at timestamptz NOT NULL,
    by text NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX person_flags_person ON person_flags (person_ref, flag, at DESC, id DESC);
SELECT make_fact_table('person_flags');
REVOKE ALL ON person_flags FROM vaktlogg_user;
ALTER TABLE person_flags ENABLE ROW LEVEL SECURITY;  -- no policy: no row for any application login

-- The flags in force: the latest change of each (person, flag) when it is a `set`. Read only by the
-- SECURITY DEFINER functions of migration 027 (no grant).
CREATE VIEW person_flags_current AS
SELECT person_ref, flag, at AS set_at, by AS set_by, reason, unit_code, id
  FROM (SELECT DISTINCT ON (person_ref, flag) * FROM person_flags ORDER BY person_ref, flag, at DESC, id DESC) latest
 WHERE action = 'set';
REVOKE ALL ON person_flags_current FROM vaktlogg_user;

-- ---------------------------------------------------------------------------------------------
-- Decision types
-- ---------------------------------------------------------------------------------------------

ALTER TABLE decisions ADD COLUMN decision_type text REFERENCES decision_types (code);
ALTER TABLE decisions ADD COLUMN not_significant_reason text
    CONSTRAINT decisions_not_significant_reason_check
    CHECK (not_significant_reason IS NULL OR btrim(not_significant_reason) <> '');
-- A waiver is only for a decision recorded as not significant.
ALTER TABLE decisions ADD CONSTRAINT decisions_waiver_only_when_not_significant
    CHECK (not_significant_reason IS NULL OR NOT public_safety_significant);
GRANT INSERT (decision_type, not_significant_reason) ON decisions TO vaktlogg_user;
GRANT SELECT (decision_type, not_significant_reason) ON decisions TO vaktlogg_user;

-- ---------------------------------------------------------------------------------------------
-- Per-unit deadline overrides
-- ---------------------------------------------------------------------------------------------

CREATE TABLE unit_deadline_overrides (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    -- the rule set's deadline keys; the renewal period of an individual risk assessment is not
    -- per unit (the rules module judges measures by the rule set's number alone)
    key text NOT NULL CONSTRAINT unit_deadline_overrides_key_check CHECK (key IN (
        'p1_acknowledge_minutes', 'deviation_acknowledge_hours', 'deviation_treatment_days', 'deviation_close_days',
        'manipulation_review_days', 'manipulation_supervision_days', 'threat_assess_tier1_hours', 'threat_assess_hours',
        'police_decision_hours', 'measure_review_hours_r4', 'measure_review_days_r3', 'measure_review_days_r2',
        'debriefing_offer_hours', 'debriefing_held_days', 'unit_assessment_renewal_days', 'source_ref_fold_minutes')),
    -- NULL: the key follows the rule set again
    value integer CONSTRAINT unit_deadline_overrides_value_check CHECK (value IS NULL OR value BETWEEN 1 AND 100000),
    reason text NOT NULL CONSTRAINT unit_deadline_overrides_reason_check CHECK (btrim(reason) <> '' AND length(reason) <= 4000),
    set_at timestamptz NOT NULL DEFAULT now(),
    set_by text NOT NULL DEFAULT current_app_user()
);
CREATE INDEX unit_deadline_overrides_unit ON unit_deadline_overrides (unit_code, key, set_at DESC, id DESC);
CREATE TRIGGER zz_append_only BEFORE UPDATE OR DELETE ON unit_deadline_overrides
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER zz_no_truncate BEFORE TRUNCATE ON unit_deadline_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
REVOKE ALL ON unit_deadline_overrides FROM vaktlogg_user;
-- Deadlines are not secret: every user may read what is in force (written through migration 027).
GRANT SELECT ON unit_deadline_overrides TO vaktlogg_user;
