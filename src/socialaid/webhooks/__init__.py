"""Webhooks to department systems (issue 19, ADR 0026): subscriptions, an outbox of deliveries
written in the business change's own transaction, and the signed POSTs that empty it."""
