"""The chain trigger and the append-time function as migration 0010 installed them.

Frozen: 0010 creates these and the downgrade of 0033 (which writes the chain head once per
statement instead of once per event) puts them back, so they do what they did when written
whatever `ddl` (the current definitions) becomes. Never edit.
"""

from __future__ import annotations

from socialaid.audit.ddl import (
    APPEND_TIME_FUNCTION,
    CHAIN_FUNCTION,
    LOCK_HEAD_FUNCTION,
    digest_call,
)
from socialaid.db.rls import SCOPE_FUNCTION
from socialaid.db.urls import APP_ROLE

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
  head := {LOCK_HEAD_FUNCTION}(tenant);
  RETURN greatest(clock_timestamp(), head.last_occurred_at);
END $$
"""

CREATE_CHAIN = f"""
CREATE OR REPLACE FUNCTION {CHAIN_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  head := {LOCK_HEAD_FUNCTION}(NEW.tenant_id);
  NEW.sequence := head.last_sequence + 1;
  NEW.previous_hash := head.last_hash;
  NEW.hash := {digest_call("NEW")};
  UPDATE audit_chain_head
    SET last_sequence = NEW.sequence, last_hash = NEW.hash, last_occurred_at = NEW.occurred_at
    WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END $$
"""
