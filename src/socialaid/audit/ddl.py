"""The SQL behind the audit store: hash chain, append-only guard, monthly partitions, and the
guard on its structure.

Migrations 0008, 0009, 0010 and 0033 install it (the versions earlier migrations installed of what
changed since are frozen in `ddl_0008` and `ddl_0010`); the verifier and the benchmark reuse the
digest expression so that the one definition of an event's canonical content lives here.
"""

from __future__ import annotations

from socialaid.audit.models import PARTITION_SCHEMA
from socialaid.db.rls import SCOPE_FUNCTION
from socialaid.db.urls import APP_ROLE

DIGEST_FUNCTION = "socialaid_audit_digest"
CHAIN_FUNCTION = "socialaid_audit_chain"
GUARD_FUNCTION = "socialaid_audit_append_only"
ENSURE_FUNCTION = "socialaid_audit_ensure_partition"
LOCK_HEAD_FUNCTION = "socialaid_audit_lock_head"
APPEND_TIME_FUNCTION = "socialaid_audit_append_time"
HEAD_FUNCTION = "socialaid_audit_head"
WRITE_HEADS_FUNCTION = "socialaid_audit_write_heads"
HEAD_TRIGGER = "audit_event_chain_head"
# The statement trigger on the parent does not fire for a TRUNCATE of one partition, and
# statement triggers are not cloned to partitions: every partition carries one of its own.
TRUNCATE_TRIGGER = "audit_event_no_truncate"
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

# Takes the tenant's chain head for the rest of the transaction (creating it on the tenant's first
# event). Not SECURITY DEFINER and not executable by PUBLIC: only the two functions below, which
# run as the owner, call it.
CREATE_LOCK_HEAD = f"""
CREATE OR REPLACE FUNCTION {LOCK_HEAD_FUNCTION}(tenant text) RETURNS audit_chain_head
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = tenant FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (tenant_id, last_sequence, last_hash)
      VALUES (tenant, 0, {GENESIS_SQL}) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chain_head WHERE tenant_id = tenant FOR UPDATE;
  END IF;
  RETURN head;
END $$
"""


# A statement appending many events (discovery's one INSERT … SELECT per range of leads) used to
# UPDATE the head row once per event: every version of that row stays until commit and each next
# lock and update walks them, so an append cost more the more came before it in the transaction.
# Now the head row is written once per statement and tenant (by the statement trigger below);
# between the events of one statement the tenant's running head lives in a transaction-local
# setting, which reverts with a rolled-back savepoint exactly as the events and the head row do.
def running_head_setting(tenant_sql: str) -> str:
    """The name of the setting holding the running head of the tenant `tenant_sql` evaluates to
    (hex, since a setting's name allows only letters, digits and underscores)."""
    return f"'socialaid_audit.t' || encode(convert_to({tenant_sql}, 'UTF8'), 'hex')"


# The running head's text: sequence, hash in hex, and the time as UTC ISO text (to_char and an
# ISO input do not depend on the session's DateStyle or TimeZone), so it parses back to the
# same microsecond.
_RUNNING_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US'

# The head the next event of `tenant` continues: the running head while this statement appends
# the tenant's events, else the head row (locked for the rest of the transaction, created on the
# tenant's first event). Not executable by PUBLIC, as the lock function: the application role
# could set the setting itself, which is why the statement trigger checks every appended link
# against the locked head row before writing it. No `SET search_path` (its names are qualified):
# it runs twice per event, and that clause's save and restore was a quarter of an append's cost.
CREATE_HEAD = f"""
CREATE OR REPLACE FUNCTION {HEAD_FUNCTION}(tenant text) RETURNS public.audit_chain_head
LANGUAGE plpgsql AS $$
DECLARE
  running text := current_setting({running_head_setting("tenant")}, true);
  head public.audit_chain_head%ROWTYPE;
BEGIN
  IF coalesce(running, '') = '' THEN
    RETURN public.{LOCK_HEAD_FUNCTION}(tenant);
  END IF;
  head.tenant_id := tenant;
  head.last_sequence := split_part(running, '|', 1)::bigint;
  head.last_hash := decode(split_part(running, '|', 2), 'hex');
  head.last_occurred_at := split_part(running, '|', 3)::timestamp AT TIME ZONE 'UTC';
  RETURN head;
END $$
"""

# The time of an event about to be appended: taken with the chain head held, so an event is
# never earlier than the one before it in the chain. `now()` (the transaction's start) was not:
# a transaction that started first but appended second got the earlier time and the later
# sequence. The writer calls this in the INSERT itself, so the row is routed to the partition of
# the time it keeps (a BEFORE trigger may not move a row to another partition). The application
# role may call it only for tenants in its transaction's scope, as row-level security would.
CREATE_APPEND_TIME = f"""
CREATE OR REPLACE FUNCTION {APPEND_TIME_FUNCTION}(tenant text) RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  IF session_user = '{APP_ROLE}' AND NOT {SCOPE_FUNCTION}(tenant) THEN
    RAISE EXCEPTION 'tenant % is outside this transaction''s scope', tenant
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  head := {HEAD_FUNCTION}(tenant);
  RETURN greatest(clock_timestamp(), head.last_occurred_at);
END $$
"""

# SECURITY DEFINER: the application role appends events but cannot touch the chain heads.
CREATE_CHAIN = f"""
CREATE OR REPLACE FUNCTION {CHAIN_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  head := {HEAD_FUNCTION}(NEW.tenant_id);
  NEW.sequence := head.last_sequence + 1;
  NEW.previous_hash := head.last_hash;
  NEW.hash := {digest_call("NEW")};
  PERFORM set_config({running_head_setting("NEW.tenant_id")},
                     NEW.sequence || '|' || encode(NEW.hash, 'hex') || '|'
                     || to_char(NEW.occurred_at AT TIME ZONE 'UTC', '{_RUNNING_TIME_FORMAT}'),
                     true);
  RETURN NEW;
END $$
"""

# Once per statement: each tenant's appended events must continue its locked head row link by
# link (so a running head set by hand is refused, not written), then the row takes the last
# event and the running head is cleared, so the next statement starts from the row again.
CREATE_WRITE_HEADS = f"""
CREATE OR REPLACE FUNCTION {WRITE_HEADS_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  appended record;
  head audit_chain_head%ROWTYPE;
BEGIN
  FOR appended IN
    SELECT tenant_id, min(sequence) AS first_sequence, max(sequence) AS last_sequence,
           (array_agg(previous_hash ORDER BY sequence))[1] AS first_previous_hash,
           (array_agg(hash ORDER BY sequence DESC))[1] AS last_hash,
           (array_agg(occurred_at ORDER BY sequence DESC))[1] AS last_occurred_at,
           bool_and(linked) AS linked
      FROM (SELECT tenant_id, sequence, previous_hash, hash, occurred_at,
                   coalesce(sequence = lag(sequence) OVER w + 1
                            AND previous_hash = lag(hash) OVER w, true) AS linked
              FROM appended_events
            WINDOW w AS (PARTITION BY tenant_id ORDER BY sequence)) AS e
     GROUP BY tenant_id
  LOOP
    head := {LOCK_HEAD_FUNCTION}(appended.tenant_id);
    IF NOT appended.linked OR appended.first_sequence <> head.last_sequence + 1
       OR appended.first_previous_hash <> head.last_hash THEN
      RAISE EXCEPTION 'the events appended to tenant %''s audit chain do not continue its head',
        appended.tenant_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_chain_head
       SET last_sequence = appended.last_sequence, last_hash = appended.last_hash,
           last_occurred_at = appended.last_occurred_at
     WHERE tenant_id = appended.tenant_id;
    PERFORM set_config({running_head_setting("appended.tenant_id")}, '', true);
  END LOOP;
  RETURN NULL;
END $$
"""

# Not in TRIGGERS: 0008 creates those, before the function this one runs existed (0033 adds it).
# Statement triggers are not cloned to partitions; the application role cannot reach a partition
# (no privilege on their schema), only the parent.
CREATE_HEAD_TRIGGER = (
    f"CREATE TRIGGER {HEAD_TRIGGER} AFTER INSERT ON audit_event"
    f" REFERENCING NEW TABLE AS appended_events"
    f" FOR EACH STATEMENT EXECUTE FUNCTION {WRITE_HEADS_FUNCTION}()"
)

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
    f"CREATE TRIGGER {TRUNCATE_TRIGGER} BEFORE TRUNCATE ON audit_event"
    f" FOR EACH STATEMENT EXECUTE FUNCTION {GUARD_FUNCTION}()",
)


def truncate_trigger_sql(partition: str) -> str:
    """The TRUNCATE guard on one partition (`partition`: a quoted, schema-qualified name)."""
    return (
        f"CREATE OR REPLACE TRIGGER {TRUNCATE_TRIGGER} BEFORE TRUNCATE ON {partition}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION public.{GUARD_FUNCTION}()"
    )


# Every partition there is (the default one included) gets its TRUNCATE guard.
GUARD_EXISTING_PARTITIONS = f"""
DO $$
DECLARE
  partition regclass;
BEGIN
  FOR partition IN SELECT inhrelid::regclass FROM pg_inherits
                   WHERE inhparent = 'public.audit_event'::regclass LOOP
    EXECUTE format('{truncate_trigger_sql("%s")}', partition);
  END LOOP;
END $$
"""

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
      EXECUTE format('{truncate_trigger_sql(PARTITION_SCHEMA + ".%I")}', name);
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


# The guard on the store's structure (ADR 0010). Row triggers stop UPDATE, DELETE and TRUNCATE,
# but whoever owns the tables could still DETACH or DROP a partition, disable a trigger or
# replace a function. Event triggers see every DDL command of every role; creating one takes a
# superuser, and only a superuser can disable or drop it. Its functions live in a schema of
# their own, owned by that superuser: the database owner owns `public` and could drop functions
# there.
GUARD_SCHEMA = "socialaid_audit_guard"
DDL_TRIGGER = "socialaid_audit_guard_ddl"
DROP_TRIGGER = "socialaid_audit_guard_drop"
EVENT_TRIGGERS = (DDL_TRIGGER, DROP_TRIGGER)
PROTECTED_SCHEMAS = (PARTITION_SCHEMA, GUARD_SCHEMA)
PROTECTED_TABLES = ("public.audit_event", "public.audit_chain_head")
# DDL on the store that changes nothing an auditor relies on: new partitions (which get their
# TRUNCATE guard as they are created), indexes, comments, privileges.
ALLOWED_TAGS = ("CREATE TABLE", "CREATE INDEX", "COMMENT", "GRANT", "REVOKE")

_names = ", ".join(f"'{n}'" for n in PROTECTED_SCHEMAS)
_tables = ", ".join(f"'{t}'" for t in PROTECTED_TABLES)
_audit_functions = r"'public.socialaid\_audit\_%'"
_event_triggers = ", ".join(f"'{n}'" for n in EVENT_TRIGGERS)
_allowed_tags = ", ".join(f"'{t}'" for t in ALLOWED_TAGS)

# Raised by both event triggers. Their functions name nothing in their own schema, so a rename
# of that schema is refused like any other change rather than breaking them.
_REFUSE = """
      RAISE EXCEPTION 'the audit store is guarded: % on % refused', {command}, {target}
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'changing the audit store''s structure is a migration a superuser runs'
                     ' with the guard paused (docs/adr/0010)';"""

# Is `relation` part of the store: the event table, its chain heads, a partition wherever it was
# made, or anything in the partitions' schema.
_IS_AUDIT_RELATION = f"""(
      relation IN (SELECT to_regclass(t) FROM unnest(ARRAY[{_tables}]) t)
      OR EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.oid = relation AND n.nspname = '{PARTITION_SCHEMA}')
      -- NULL for a table outside any partition tree: without coalesce the whole test would be
      -- NULL, and every other table's ALTER refused.
      OR coalesce(pg_partition_root(relation::regclass) = to_regclass('public.audit_event'),
                  false))"""

# The partitions' schema and the guard's own, recognised by what they hold (a rename keeps it).
_IS_PROTECTED_SCHEMA = f"""(
      command.objid IN (SELECT c.relnamespace FROM pg_inherits i JOIN pg_class c
                        ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('public.audit_event'))
      OR command.objid IN (SELECT p.pronamespace FROM pg_event_trigger e JOIN pg_proc p
                           ON p.oid = e.evtfoid WHERE e.evtname IN ({_event_triggers})))"""

DDL_GUARD_STATEMENTS = (
    f"CREATE SCHEMA IF NOT EXISTS {GUARD_SCHEMA}",
    f"REVOKE ALL ON SCHEMA {GUARD_SCHEMA} FROM PUBLIC",
    f"""
CREATE OR REPLACE FUNCTION {GUARD_SCHEMA}.on_ddl() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  command record;
  relation oid;
BEGIN
  FOR command IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF (command.object_type = 'schema' AND {_IS_PROTECTED_SCHEMA})
       OR command.schema_name = '{GUARD_SCHEMA}'
       OR (command.object_type = 'function' AND command.object_identity LIKE {_audit_functions})
    THEN{_REFUSE.format(command="command.command_tag", target="command.object_identity")}
    END IF;
    relation := CASE command.object_type
      WHEN 'table' THEN command.objid
      WHEN 'trigger' THEN (SELECT tgrelid FROM pg_trigger WHERE oid = command.objid)
      WHEN 'rule' THEN (SELECT ev_class FROM pg_rewrite WHERE oid = command.objid)
      WHEN 'policy' THEN (SELECT polrelid FROM pg_policy WHERE oid = command.objid)
    END;
    CONTINUE WHEN relation IS NULL OR NOT {_IS_AUDIT_RELATION};
    IF command.command_tag = 'CREATE TABLE'
       AND pg_partition_root(relation::regclass) = to_regclass('public.audit_event')
       AND relation <> to_regclass('public.audit_event') THEN
      -- A partition made by hand must not escape the guards the function-made ones get.
      IF command.schema_name <> '{PARTITION_SCHEMA}' THEN{_REFUSE.format(command="command.command_tag", target="command.object_identity")}
      END IF;
      EXECUTE format('{truncate_trigger_sql("%s")}', relation::regclass);
    ELSIF command.command_tag = 'CREATE TRIGGER' THEN
      -- Only the guards' own triggers: another BEFORE trigger could drop rows silently.
      IF (SELECT tgfoid FROM pg_trigger WHERE oid = command.objid)
         IS DISTINCT FROM to_regprocedure('public.{GUARD_FUNCTION}()') THEN{_REFUSE.format(command="command.command_tag", target="command.object_identity")}
      END IF;
    ELSIF command.command_tag <> ALL (ARRAY[{_allowed_tags}]) THEN{_REFUSE.format(command="command.command_tag", target="command.object_identity")}
    END IF;
  END LOOP;
END $$
""",
    # Dropped objects are gone from the catalogue by now, so they are recognised by name.
    f"""
CREATE OR REPLACE FUNCTION {GUARD_SCHEMA}.on_drop() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  dropped record;
BEGIN
  FOR dropped IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
    IF (dropped.object_type = 'schema' AND dropped.object_identity IN ({_names}))
       OR (dropped.schema_name IN ({_names})
           AND dropped.object_type IN ('table', 'trigger', 'rule', 'policy', 'function'))
       OR (dropped.object_type = 'table' AND dropped.object_identity IN ({_tables}))
       OR (dropped.object_type IN ('trigger', 'rule', 'policy')
           AND dropped.address_names[1] || '.' || dropped.address_names[2] IN ({_tables}))
       OR (dropped.object_type = 'function' AND dropped.object_identity LIKE {_audit_functions})
    THEN{_REFUSE.format(command="TG_TAG", target="dropped.object_identity")}
    END IF;
  END LOOP;
END $$
""",
    f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {GUARD_SCHEMA} FROM PUBLIC",
    # ENABLE ALWAYS: they fire in sessions with session_replication_role = replica too.
    f"CREATE EVENT TRIGGER {DDL_TRIGGER} ON ddl_command_end"
    f" EXECUTE FUNCTION {GUARD_SCHEMA}.on_ddl()",
    f"ALTER EVENT TRIGGER {DDL_TRIGGER} ENABLE ALWAYS",
    f"CREATE EVENT TRIGGER {DROP_TRIGGER} ON sql_drop EXECUTE FUNCTION {GUARD_SCHEMA}.on_drop()",
    f"ALTER EVENT TRIGGER {DROP_TRIGGER} ENABLE ALWAYS",
)

# Dropping the event triggers first: while they exist, their schema refuses every change.
DROP_DDL_GUARD_STATEMENTS = (
    *(f"DROP EVENT TRIGGER IF EXISTS {name}" for name in EVENT_TRIGGERS),
    f"DROP SCHEMA IF EXISTS {GUARD_SCHEMA} CASCADE",
)


def ddl_guard_switch_sql(enable: bool) -> str:
    """Pause (or resume) the guard for a migration that changes the store: superuser only, and
    inside the migration's transaction, so a failed migration leaves the guard as it was."""
    state = "ENABLE ALWAYS" if enable else "DISABLE"
    return (
        "DO $$ BEGIN "
        + " ".join(
            f"IF EXISTS (SELECT FROM pg_event_trigger WHERE evtname = '{name}') THEN "
            f"EXECUTE 'ALTER EVENT TRIGGER {name} {state}'; END IF;"
            for name in EVENT_TRIGGERS
        )
        + " END $$"
    )


IS_SUPERUSER_SQL = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"

# What `socialaid audit check` looks at: each guard that should be there and is not.
MISSING_GUARDS_SQL = f"""
SELECT 'event trigger ' || name AS missing
FROM unnest(ARRAY[{_event_triggers}]) name
WHERE NOT EXISTS (SELECT 1 FROM pg_event_trigger
                  WHERE evtname = name AND evtenabled IN ('O', 'A'))
UNION ALL
SELECT 'trigger ' || name || ' on public.audit_event'
FROM unnest(ARRAY['audit_event_chain', '{HEAD_TRIGGER}', 'audit_event_append_only',
                   '{TRUNCATE_TRIGGER}']) name
WHERE NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'public.audit_event'::regclass
                  AND tgname = name AND tgenabled IN ('O', 'A'))
UNION ALL
SELECT 'trigger {TRUNCATE_TRIGGER} on ' || i.inhrelid::regclass::text
FROM pg_inherits i
WHERE i.inhparent = 'public.audit_event'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = i.inhrelid
                  AND t.tgname = '{TRUNCATE_TRIGGER}' AND t.tgenabled IN ('O', 'A'))
ORDER BY 1
"""
