"""The outbox fan-out as one SQL function, created by migration 0015.

One statement instead of three (widen the row-level-security scope to the province, INSERT …
SELECT, set the scope back): the subscriptions of the tenants above the caller are outside its
scope, so the function runs as its owner (SECURITY DEFINER) and checks, as the audit store's
append function does, that the application role names only an event tenant inside its
transaction's scope. Who may see an event is decided here (ADR 0026): a subscription of the
event's tenant or a tenant above it, that chose the event, whose departments (none: all) meet
the event's.
"""

from __future__ import annotations

from socialaid.db.rls import SCOPE_FUNCTION
from socialaid.db.urls import APP_ROLE

FAN_OUT_FUNCTION = "socialaid_webhook_fan_out"

CREATE_FAN_OUT = f"""
CREATE OR REPLACE FUNCTION {FAN_OUT_FUNCTION}(
  event_tenant text, jurisdictions text[], events jsonb, occurred_at timestamptz
) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  queued integer;
BEGIN
  IF session_user = '{APP_ROLE}' AND NOT {SCOPE_FUNCTION}(event_tenant) THEN
    RAISE EXCEPTION 'tenant % is outside this transaction''s scope', event_tenant
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event, event_tenant,
                                occurred_at, data, status, attempts, next_attempt_at)
  SELECT s.tenant_id, gen_random_uuid(), s.id, e.event, event_tenant, occurred_at, e.data,
         'pending', 0, now()
  FROM jsonb_to_recordset(events) AS e(event varchar, departments varchar[], data jsonb)
  JOIN webhook_subscription s
    ON s.tenant_id = ANY(jurisdictions)
   AND e.event = ANY(s.events)
   AND (cardinality(s.departments) = 0 OR s.departments && e.departments);
  GET DIAGNOSTICS queued = ROW_COUNT;
  RETURN queued;
END $$
"""
DROP_FAN_OUT = f"DROP FUNCTION IF EXISTS {FAN_OUT_FUNCTION}(text, text[], jsonb, timestamptz)"
