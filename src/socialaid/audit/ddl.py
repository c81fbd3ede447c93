"""The SQL behind the audit store: hash chain, append-only guard, monthly partitions.

Migration 0006 installs it; the verifier and the benchmark reuse the digest expression so that
the one definition of an event's canonical content lives here.
"""

from __future__ import annotations

from socialaid.audit.models import PARTITION_SCHEMA
from socialaid.db.urls import APP_ROLE

DIGEST_FUNCTION = "socialaid_audit_digest"
CHAIN_FUNCTION = "socialaid_audit_chain"
GUARD_FUNCTION = "socialaid_audit_append_only"
ENSURE_FUNCTION = "socialaid_audit_ensure_partition"
# The first event of a tenant links to 32 zero bytes.
GENESIS_SQL = "decode(repeat('00', 32), 'hex')"

# Everything an event says, in a fixed order; `sequence` and `previous_hash` make it a chain.
CONTENT_COLUMNS = (
    "tenant_id",
    "sequence",
    "occurred_at",
    "actor",
    "roles",
    "department",
    "action",
    "subject_type",
    "subject_id",
    "before",
    "after",
    "reason",
    "request_id",
    "client_address",
    "application_id",
    "person_key",
)


def digest_call(row: str) -> str:
    """`socialaid_audit_digest(...)` over the columns of `row` (an alias, or NEW in a trigger)."""
    return (
        f"{DIGEST_FUNCTION}({row}.previous_hash, "
        + ", ".join(f"{row}.{c}" for c in CONTENT_COLUMNS)
        + ")"
    )


# The canonical content is a JSON array: jsonb's text form is deterministic, JSON values inside
# before/after are normalised by jsonb, and the time is microseconds since the epoch, so the
# session's TimeZone cannot change the digest.
CREATE_DIGEST = f"""
CREATE OR REPLACE FUNCTION {DIGEST_FUNCTION}(
  previous_hash bytea, tenant_id text, sequence bigint, occurred_at timestamptz, actor text,
  roles text[], department text, action text, subject_type text, subject_id text,
  before jsonb, after jsonb, reason text, request_id text, client_address text,
  application_id text, person_key text
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(previous_hash || convert_to(jsonb_build_array(
    tenant_id, sequence, (extract(epoch FROM occurred_at) * 1000000)::bigint, actor, roles,
    department, action, subject_type, subject_id, before, after, reason, request_id,
    client_address, application_id, person_key
  )::text, 'UTF8'))
$$
"""

# SECURITY DEFINER: the application role appends events but cannot touch the chain heads.
CREATE_CHAIN = f"""
CREATE OR REPLACE FUNCTION {CHAIN_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (tenant_id, last_sequence, last_hash)
      VALUES (NEW.tenant_id, 0, {GENESIS_SQL}) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chain_head WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  END IF;
  NEW.sequence := head.last_sequence + 1;
  NEW.previous_hash := head.last_hash;
  NEW.hash := {digest_call("NEW")};
  UPDATE audit_chain_head SET last_sequence = NEW.sequence, last_hash = NEW.hash
    WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END $$
"""

CREATE_GUARD = f"""
CREATE OR REPLACE FUNCTION {GUARD_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$
"""

TRIGGERS = (
    f"CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event"
    f" FOR EACH ROW EXECUTE FUNCTION {CHAIN_FUNCTION}()",
    f"CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event"
    f" FOR EACH ROW EXECUTE FUNCTION {GUARD_FUNCTION}()",
    f"CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event"
    f" FOR EACH STATEMENT EXECUTE FUNCTION {GUARD_FUNCTION}()",
)

# Months are UTC months. The partition for `at`'s month and the next one are created when
# missing; a month whose rows already sit in the default partition (written while no partition
# existed) is left there rather than moved, since moving would mean deleting audit rows.
CREATE_ENSURE = f"""
CREATE OR REPLACE FUNCTION {ENSURE_FUNCTION}(at timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  month_start timestamptz;
  month_end timestamptz;
  name text;
BEGIN
  FOR i IN 0..1 LOOP
    month_start := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                   + make_interval(months => i);
    month_end := month_start + interval '1 month';
    name := 'audit_event_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
    CONTINUE WHEN to_regclass(format('{PARTITION_SCHEMA}.%I', name)) IS NOT NULL;
    CONTINUE WHEN EXISTS (SELECT 1 FROM {PARTITION_SCHEMA}.audit_event_default
                          WHERE occurred_at >= month_start AND occurred_at < month_end);
    BEGIN
      EXECUTE format('CREATE TABLE {PARTITION_SCHEMA}.%I PARTITION OF public.audit_event'
                     ' FOR VALUES FROM (%L) TO (%L)', name, month_start, month_end);
    EXCEPTION WHEN duplicate_table THEN
      NULL;  -- created concurrently by another writer
    END;
  END LOOP;
END $$
"""

SCHEMA_STATEMENTS = (
    f"CREATE SCHEMA IF NOT EXISTS {PARTITION_SCHEMA}",
    # Only through the parent table (its privileges and row-level security) for the app role.
    f"REVOKE ALL ON SCHEMA {PARTITION_SCHEMA} FROM PUBLIC",
    f"CREATE TABLE {PARTITION_SCHEMA}.audit_event_default PARTITION OF audit_event DEFAULT",
)

PRIVILEGE_STATEMENTS = (
    f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM {APP_ROLE}",
    f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM {APP_ROLE}",
)


def ensure_partitions_sql(at_sql: str = "now()") -> str:
    return f"SELECT {ENSURE_FUNCTION}({at_sql})"
