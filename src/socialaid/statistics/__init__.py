"""Statistics over applications and cases (issue 23): rollups per tenant and day, read by the
`statistics` query with small cells suppressed (ADR 0034)."""
