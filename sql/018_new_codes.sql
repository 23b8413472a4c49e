-- Vaktlogg schema, part 18: the codes domain.md §5 added (issue 14).
--
-- Principle — the reference tables are the database's list of what may be stored; a code the
-- product offers but the database does not know is refused at the worst moment (during a shift).
-- The new categories get their default interests here; the rule set that judges an entry may name
-- other defaults (rule_set_categories), which then win, as before. The measure-type list is a
-- CHECK, so it is replaced whole. Decision types and person flags get code tables that the
-- decision and person-flag tables reference.

INSERT INTO categories (kind, code, default_interests) VALUES
    ('incident', 'threat_staff_family', '{life_health,security}'),
    ('incident', 'ban_breach', '{public_safety}'),
    ('incident', 'community_sentence_breach', '{public_safety}'),
    ('incident', 'electronic_monitoring_breach', '{public_safety}'),
    ('incident', 'threat_at_office', '{security}'),
    ('incident', 'home_visit_incident', '{security}'),
    ('deviation', 'entry_control', '{security}'),
    ('deviation', 'double_occupancy', '{security}');

ALTER TABLE measures DROP CONSTRAINT measures_type_check;
ALTER TABLE measures ADD CONSTRAINT measures_type_check
    CHECK (type IN ('isolation', 'exclusion', 'search', 'transfer', 'restraint', 'communication_restriction',
                    'visit_restriction', 'extra_control', 'supportive', 'staff_protection', 'other'));

CREATE TABLE decision_types (code text PRIMARY KEY);
INSERT INTO decision_types VALUES
    ('leave'), ('transfer_lower'), ('transfer_higher'), ('release_progression'), ('visit'), ('other');

CREATE TABLE person_flag_codes (code text PRIMARY KEY);
INSERT INTO person_flag_codes VALUES ('forvaring'), ('infoflyt'), ('remand_restricted');

GRANT SELECT ON decision_types, person_flag_codes TO vaktlogg_user;
