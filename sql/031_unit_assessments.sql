-- Vaktlogg schema, part 31: unit (system-level) risk assessments (domain.md §5: "risikovurderinger
-- skal intensiveres i alle ledd på system- og individnivå"; §6: renewed every 365 days by default).
--
-- A unit assessment is risk = probability × consequence like an individual one, with what the
-- system level is about: staffing, equipment, building. The database computes the score and the
-- band by the rule set named (a client never supplies a judgement) and bounds the validity by the
-- rule set's deadlines.unit_assessment_renewal_days (365 when the rule set names none, as
-- ksf-2006.1 does).
--
-- Made by a security coordinator or a manager of the unit (or admin): the system level — staffing,
-- building, equipment — is the management's responsibility as much as the coordinator's, and
-- domain.md §8 lets managers act in their own units.

CREATE TABLE unit_assessments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    probability smallint NOT NULL CHECK (probability BETWEEN 1 AND 5),
    consequence smallint NOT NULL CHECK (consequence BETWEEN 1 AND 5),
    score smallint NOT NULL,
    band text NOT NULL,
    summary text NOT NULL CHECK (btrim(summary) <> '' AND length(summary) <= 8000),
    staffing text CHECK (staffing IS NULL OR (btrim(staffing) <> '' AND length(staffing) <= 8000)),
    equipment text CHECK (equipment IS NULL OR (btrim(equipment) <> '' AND length(equipment) <= 8000)),
    building text CHECK (building IS NULL OR (btrim(building) <> '' AND length(building) <= 8000)),
    assessor text NOT NULL,
    assessed_at timestamptz NOT NULL,
    valid_until date NOT NULL,
    rules_version text NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX unit_assessments_unit ON unit_assessments (unit_code, assessed_at DESC);

CREATE FUNCTION unit_assessments_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_rules jsonb;
    v_day date;
    v_latest date;
    v_role text := app_role();
BEGIN
    IF v_role NOT IN ('security_coordinator', 'manager', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_or_manager_required',
                       'unit risk assessments are made by a security coordinator or a manager', 'insufficient_privilege');
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()
            OR (v_role = 'manager' AND NEW.unit_code IN (SELECT visible_units()))) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    NEW.assessor := current_app_user();
    NEW.assessed_at := fact_time(NEW.assessed_at);
    v_rules := rules_content(NEW.rules_version);
    NEW.score := NEW.probability * NEW.consequence;
    NEW.band := rules_band(v_rules, NEW.score);
    v_day := (NEW.assessed_at AT TIME ZONE 'Europe/Oslo')::date;
    v_latest := v_day + coalesce((v_rules -> 'deadlines' ->> 'unit_assessment_renewal_days')::int, 365);
    NEW.valid_until := coalesce(NEW.valid_until, v_latest);
    IF NEW.valid_until > v_latest OR NEW.valid_until < v_day THEN
        PERFORM refuse('validity_out_of_range',
                       format('a unit assessment is valid from the day it is made until %s at the latest', v_latest));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON unit_assessments FOR EACH ROW EXECUTE FUNCTION unit_assessments_prepare();
SELECT make_fact_table('unit_assessments');
CREATE TRIGGER b_notify AFTER INSERT ON unit_assessments FOR EACH ROW EXECUTE FUNCTION facts_notify();

ALTER TABLE unit_assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own_units ON unit_assessments FOR SELECT TO vaktlogg_user
    USING (unit_code IN (SELECT visible_units()));
CREATE POLICY write_own_units ON unit_assessments FOR INSERT TO vaktlogg_user
    WITH CHECK (unit_code IN (SELECT writable_units()));
CREATE POLICY managers_assess ON unit_assessments FOR INSERT TO vaktlogg_user
    WITH CHECK (app_role() = 'manager' AND unit_code IN (SELECT visible_units()));

GRANT SELECT (id, unit_code, probability, consequence, score, band, summary, staffing, equipment, building, assessor,
              assessed_at, valid_until, rules_version, chain_seq)
    ON unit_assessments TO vaktlogg_user;
GRANT INSERT (unit_code, probability, consequence, summary, staffing, equipment, building, assessed_at, valid_until,
              rules_version)
    ON unit_assessments TO vaktlogg_user;

REVOKE ALL ON FUNCTION unit_assessments_prepare FROM PUBLIC;
