-- Vaktlogg schema fixes found by the end-to-end CLI tests (issue #4).
--
-- A BEFORE INSERT trigger runs before ON CONFLICT is decided. The chain trigger (zz_chain) and the
-- reference counter in entries_prepare therefore advanced the unit's chain head for a row that
-- ON CONFLICT DO NOTHING then dropped: the head pointed at a row that does not exist, the next row's
-- sequence number had a gap, and verify_chain() reported the unit's log as broken. Two paths did it:
--
-- * re-delivering an entry whose idempotency key is already stored (a spool file delivered again
--   after an interrupted `vaktlogg sync`, or two syncs at once), which also skipped a reference
--   number;
-- * the same person given twice with the same role on one entry.
--
-- The prepare triggers now recognise these rows themselves and skip them (RETURN NULL) before any
-- counter or chain work, so a skipped row leaves no trace.

CREATE OR REPLACE FUNCTION entries_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_defaults text[];
    v_tier smallint;
    v_count bigint;
BEGIN
    -- An entry already stored under this idempotency key is not stored again. The transaction lock
    -- on the key makes a concurrent delivery of the same entry wait for the first to commit or roll
    -- back; the next statement then sees its row (READ COMMITTED takes a new snapshot).
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:idempotency_key'), hashtext(NEW.idempotency_key::text));
    IF EXISTS (SELECT 1 FROM entries WHERE idempotency_key = NEW.idempotency_key) THEN
        RETURN NULL;
    END IF;
    NEW.reporter := session_user;
    NEW.recorded_at := now();
    SELECT default_interests INTO v_defaults FROM categories WHERE kind = NEW.kind AND code = NEW.category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown category % for %', NEW.category, NEW.kind
            USING ERRCODE = 'foreign_key_violation', HINT = 'vaktlogg:unknown_category';
    END IF;
    IF NOT NEW.interests @> v_defaults THEN
        RAISE EXCEPTION 'the interests of category % cannot be removed', NEW.category
            USING ERRCODE = 'check_violation', HINT = 'vaktlogg:default_interests_removed';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(NEW.interests) i WHERE i NOT IN (SELECT code FROM interests)) THEN
        RAISE EXCEPTION 'unknown interest' USING ERRCODE = 'check_violation', HINT = 'vaktlogg:unknown_interest';
    END IF;
    SELECT min(tier) INTO v_tier FROM interests WHERE code = ANY (NEW.interests);
    IF NEW.tier IS DISTINCT FROM v_tier THEN
        RAISE EXCEPTION 'tier % does not match the interests (tier %)', NEW.tier, v_tier
            USING ERRCODE = 'check_violation', HINT = 'vaktlogg:tier_mismatch';
    END IF;
    IF NEW.occurred_at > now() + interval '5 minutes' OR NEW.reported_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'time lies in the future' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:time_in_future';
    END IF;
    UPDATE chain_heads SET entry_count = entry_count + 1 WHERE unit_code = NEW.unit_code
        RETURNING entry_count INTO v_count;
    IF NOT FOUND THEN
        PERFORM chain_lock_head(NEW.unit_code);
        UPDATE chain_heads SET entry_count = entry_count + 1 WHERE unit_code = NEW.unit_code
            RETURNING entry_count INTO v_count;
    END IF;
    NEW.ref := NEW.unit_code || '-' || v_count;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION entry_persons_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    -- The same person in the same role is recorded once; a repetition is skipped, not chained.
    IF EXISTS (SELECT 1 FROM entry_persons
               WHERE entry_id = NEW.entry_id AND person_ref = NEW.person_ref AND role = NEW.role) THEN
        RETURN NULL;
    END IF;
    SELECT unit_code INTO NEW.unit_code FROM entries WHERE id = NEW.entry_id;
    NEW.added_by := session_user;
    NEW.added_at := fact_time(NEW.added_at);
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
