"""The chain trigger and the partition function as migration 0008 installed them.

Frozen: 0008 creates these and the downgrades of the migrations that changed them (0009, 0010)
put them back, so they do what they did when written whatever `ddl` (the current definitions)
becomes. Never edit.
"""

from __future__ import annotations

from socialaid.audit.ddl import (
    CHAIN_FUNCTION,
    ENSURE_FUNCTION,
    GENESIS_SQL,
    digest_call,
)
from socialaid.audit.models import PARTITION_SCHEMA

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
