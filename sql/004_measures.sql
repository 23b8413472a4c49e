-- Vaktlogg schema v1, part 4: individual risk assessments, measures and decisions.
--
-- The rules module judges a measure or decision before it is written; these constraints are the last
-- line: what the strategy says must never be stored cannot be stored, whoever writes it.

CREATE TABLE risk_assessments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_ref text NOT NULL REFERENCES persons (ref),
    unit_code text NOT NULL REFERENCES units (code),
    probability smallint NOT NULL CHECK (probability BETWEEN 1 AND 5),
    consequence smallint NOT NULL CHECK (consequence BETWEEN 1 AND 5),
    score smallint NOT NULL CHECK (score = probability * consequence),
    band text NOT NULL CHECK (band IN ('low', 'moderate', 'high', 'critical')),
    summary text NOT NULL CHECK (btrim(summary) <> '' AND length(summary) <= 8000),
    assessor text NOT NULL,
    assessed_at timestamptz NOT NULL,
    valid_until date NOT NULL,
    rules_version text NOT NULL,
    trace jsonb NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX risk_assessments_person ON risk_assessments (person_ref, assessed_at DESC);

CREATE TABLE measures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint REFERENCES entries (id),
    unit_code text NOT NULL REFERENCES units (code),
    person_ref text REFERENCES persons (ref),
    type text NOT NULL CHECK (type IN ('isolation', 'exclusion', 'search', 'transfer', 'restraint',
                                       'communication_restriction', 'visit_restriction', 'extra_control',
                                       'supportive', 'other')),
    description text CHECK (description IS NULL OR btrim(description) <> ''),
    purpose text NOT NULL REFERENCES interests (code),
    burdens text[] NOT NULL DEFAULT '{}',
    restrictiveness smallint NOT NULL CHECK (restrictiveness BETWEEN 0 AND 4),
    ground text CHECK (ground IN ('security', 'practical', 'technical', 'other')),
    justification text CHECK (justification IS NULL OR btrim(justification) <> ''),
    rehabilitation_note text CHECK (rehabilitation_note IS NULL OR btrim(rehabilitation_note) <> ''),
    assessment_id bigint REFERENCES risk_assessments (id),
    -- 'allowed' or 'justified' (a main-rule departure carried by its justification); a rejected or
    -- incomplete measure is never stored
    outcome text NOT NULL CHECK (outcome IN ('allowed', 'justified')),
    violations jsonb NOT NULL DEFAULT '[]',
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL,
    rules_version text NOT NULL,
    trace jsonb NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    CHECK (outcome <> 'justified' OR justification IS NOT NULL),
    -- communication: "practical or technical reasons" are not a valid ground
    CHECK (type <> 'communication_restriction' OR ground = 'security'),
    -- consideration: a security measure burdening rehabilitation carries a note on that effect
    CHECK (NOT (purpose = 'security' AND 'rehabilitation' = ANY (burdens)) OR rehabilitation_note IS NOT NULL),
    -- a restrictive measure against a person names that person
    CHECK (restrictiveness < 2 OR person_ref IS NOT NULL)
);
CREATE INDEX measures_entry ON measures (entry_id);
CREATE INDEX measures_person ON measures (person_ref);

-- The weighting of interests (strict and main rule) and proportionality, checked against the tier
-- table and the stored assessments.
CREATE FUNCTION measures_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_purpose_tier smallint;
    v_strongest_burden smallint;
    a risk_assessments;
    v_permitted smallint;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('coordinator_required', 'measures are decided by a security coordinator', 'insufficient_privilege');
    END IF;
    IF NEW.entry_id IS NOT NULL THEN
        SELECT unit_code INTO NEW.unit_code FROM entries WHERE id = NEW.entry_id;
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := fact_time(NEW.decided_at);
    IF EXISTS (SELECT 1 FROM unnest(NEW.burdens) b WHERE b NOT IN (SELECT code FROM interests)) THEN
        PERFORM refuse('unknown_interest', 'unknown interest among the burdened');
    END IF;
    SELECT tier INTO v_purpose_tier FROM interests WHERE code = NEW.purpose;
    SELECT min(tier) INTO v_strongest_burden FROM interests WHERE code = ANY (NEW.burdens);
    IF v_strongest_burden = 1 AND v_purpose_tier > 1 THEN
        PERFORM refuse('weighting_strict', 'a measure may not burden life, health or public safety for a weaker purpose');
    END IF;
    IF v_strongest_burden < v_purpose_tier AND NEW.justification IS NULL THEN
        PERFORM refuse('weighting_main_rule', 'departing from the main rule of the weighting needs a justification');
    END IF;
    IF NEW.restrictiveness >= 2 THEN
        IF NEW.assessment_id IS NOT NULL THEN
            SELECT * INTO a FROM risk_assessments WHERE id = NEW.assessment_id;
            IF a.person_ref IS DISTINCT FROM NEW.person_ref THEN
                PERFORM refuse('assessment_other_person', 'the risk assessment is of another person');
            END IF;
        END IF;
        IF NEW.justification IS NULL AND (a.id IS NULL OR a.valid_until < NEW.decided_at::date) THEN
            PERFORM refuse('proportionality_assessment', 'a restrictive measure needs a current individual risk assessment');
        END IF;
        v_permitted := (CASE a.band WHEN 'low' THEN 1 WHEN 'moderate' THEN 2 WHEN 'high' THEN 3 ELSE 4 END);
        IF NEW.justification IS NULL AND a.id IS NOT NULL AND NEW.restrictiveness > v_permitted THEN
            PERFORM refuse('proportionality_level', 'the measure is more restrictive than the risk assessment supports');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON measures FOR EACH ROW EXECUTE FUNCTION measures_prepare();
SELECT make_fact_table('measures');

CREATE TABLE decisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint REFERENCES entries (id),
    unit_code text NOT NULL REFERENCES units (code),
    person_ref text REFERENCES persons (ref),
    text text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 20000),
    public_safety_significant boolean NOT NULL,
    justification text CHECK (justification IS NULL OR btrim(justification) <> ''),
    assessment_ids bigint[] NOT NULL DEFAULT '{}',
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL,
    rules_version text NOT NULL,
    trace jsonb NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    -- goal 8: a decision of significance for public safety is justified and rests on assessments
    CONSTRAINT decisions_public_safety_justified
        CHECK (NOT public_safety_significant OR (justification IS NOT NULL AND cardinality(assessment_ids) > 0))
);
CREATE INDEX decisions_entry ON decisions (entry_id);

CREATE FUNCTION decisions_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'manager', 'admin')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('coordinator_required', 'decisions are made by a security coordinator or a manager', 'insufficient_privilege');
    END IF;
    IF NEW.entry_id IS NOT NULL THEN
        SELECT unit_code INTO NEW.unit_code FROM entries WHERE id = NEW.entry_id;
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := fact_time(NEW.decided_at);
    IF EXISTS (SELECT 1 FROM unnest(NEW.assessment_ids) x WHERE x NOT IN (SELECT id FROM risk_assessments)) THEN
        PERFORM refuse('unknown_assessment', 'a referenced risk assessment does not exist', 'foreign_key_violation');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_prepare();
SELECT make_fact_table('decisions');

CREATE FUNCTION risk_assessments_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('coordinator_required', 'individual risk assessments are made by a security coordinator',
                       'insufficient_privilege');
    END IF;
    NEW.assessor := session_user;
    NEW.assessed_at := fact_time(NEW.assessed_at);
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON risk_assessments FOR EACH ROW EXECUTE FUNCTION risk_assessments_prepare();
SELECT make_fact_table('risk_assessments');

CREATE FUNCTION facts_notify() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM notify_change(TG_TABLE_NAME, NEW.id, NULL, NEW.unit_code);
    RETURN NULL;
END
$$;
CREATE TRIGGER b_notify AFTER INSERT ON measures FOR EACH ROW EXECUTE FUNCTION facts_notify();
CREATE TRIGGER b_notify AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION facts_notify();
CREATE TRIGGER b_notify AFTER INSERT ON risk_assessments FOR EACH ROW EXECUTE FUNCTION facts_notify();
