-- Grows the demo data set (`vaktlogg seed --demo --days 365`, ~640 entries with their lifecycles)
-- to the benchmark's size by copying every entry :copies times, each copy g shifted g hours earlier,
-- with its lifecycle events replayed in their original order (amendments, measures and decisions
-- are not copied: the report reads few of them). Everything goes through the
-- product's triggers (entries_prepare computes tier and deadlines, the chain trigger hashes each
-- row, the projection keeps entry_state), as the database owner in backdating mode, so the copies
-- are ordinary rows, not hand-made state. Run with psql -v copies=N as the owner.
\set ON_ERROR_STOP on
UPDATE maintenance SET backdating = true;
CREATE TEMP TABLE src AS SELECT * FROM entries;
-- Events by their place in their entry's history: the projection (entry_state) is an AFTER trigger,
-- which runs at the end of each statement, so an entry's second event is inserted by a later
-- statement than its first, or the lifecycle checks would see the state before the first.
CREATE TEMP TABLE src_events AS
    SELECT ev.*, row_number() OVER (PARTITION BY ev.entry_id ORDER BY ev.id) AS step
      FROM entry_events ev JOIN src ON src.id = ev.entry_id;
SELECT set_config('bench.copies', :'copies', false);
SELECT set_config('bench.event_copies', :'event_copies', false);
DO $$
DECLARE
    g int;
    k int;
    n int := current_setting('bench.copies')::int;
    n_events int := current_setting('bench.event_copies')::int;
    steps int := (SELECT coalesce(max(step), 0) FROM src_events);
BEGIN
    FOR g IN 1..n LOOP
        INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                             probability, consequence, target, in_working_hours, threat_source, source_reliability,
                             info_credibility, oc_criteria, infoflyt, police_decision_required, rules_version,
                             rules_hash, trace, deadlines, idempotency_key)
        SELECT kind, category, unit_code, occurred_at - make_interval(hours => g), reported_at - make_interval(hours => g),
               domain, text, interests, probability, consequence, target, in_working_hours, threat_source,
               source_reliability, info_credibility, oc_criteria, infoflyt, police_decision_required, rules_version,
               rules_hash, trace, deadlines, md5(id::text || '/' || g)::uuid
          FROM src ORDER BY reported_at, id;
        FOR k IN 1..(CASE WHEN g <= n_events THEN steps ELSE 0 END) LOOP
            INSERT INTO entry_events (entry_id, event, at, assignee, text, data, rules_version, trace)
            SELECT n.id, ev.event, ev.at - make_interval(hours => g), ev.assignee, ev.text, ev.data, ev.rules_version, ev.trace
              FROM src_events ev JOIN entries n ON n.idempotency_key = md5(ev.entry_id::text || '/' || g)::uuid
             WHERE ev.step = k
             ORDER BY ev.id;
        END LOOP;
        -- One transaction per copy: the chain takes a lock per row, and 100k of them in one
        -- transaction overflow the lock table (max_locks_per_transaction).
        COMMIT;
        IF g % 10 = 0 THEN
            RAISE NOTICE 'copy % of %', g, n;
        END IF;
    END LOOP;
END
$$;
UPDATE maintenance SET backdating = false;
ANALYZE;
SELECT count(*) AS entries FROM entries;
SELECT count(*) AS events FROM entry_events;
