"""The triggers that mark an application's reform counts stale in the writer's own transaction
(ADR 0035). Migration 0027 creates them from here; `fold.py` counts the marked applications again.
"""

from __future__ import annotations

CREATE_MARK_FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION socialaid_reform_mark_application() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reform_dirty (tenant_id, application_id) VALUES (NEW.tenant_id, NEW.id)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
""",
    """
CREATE OR REPLACE FUNCTION socialaid_reform_mark_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO reform_dirty (tenant_id, application_id) VALUES (OLD.tenant_id, OLD.application_id)
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO reform_dirty (tenant_id, application_id) VALUES (NEW.tenant_id, NEW.application_id)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$
""",
]

# Only the columns a count reads: a reminder, a triage note or a lock_version bump marks nothing.
CREATE_TRIGGERS = [
    "CREATE TRIGGER reform_mark AFTER INSERT OR UPDATE OF channel, form_hash, items, materials,"
    " submitted_at ON application FOR EACH ROW EXECUTE FUNCTION socialaid_reform_mark_application()",
    "CREATE TRIGGER reform_mark AFTER INSERT OR DELETE OR UPDATE OF state, decision,"
    " clock_started_at, created_at, item_code, application_id"
    " ON application_case FOR EACH ROW EXECUTE FUNCTION socialaid_reform_mark_case()",
]

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS reform_mark ON application_case",
    "DROP TRIGGER IF EXISTS reform_mark ON application",
]
DROP_FUNCTIONS = [
    "DROP FUNCTION IF EXISTS socialaid_reform_mark_case()",
    "DROP FUNCTION IF EXISTS socialaid_reform_mark_application()",
]
