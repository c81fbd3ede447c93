"""The reporting database role and its views: data out for BI tools, with no personal data
(migration 0025, ADR 0036, docs/operations/reporting.md)."""
