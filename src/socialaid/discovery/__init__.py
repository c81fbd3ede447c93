"""Proactive discovery (政策找人): livelihood tags pushed by departments, the tenants' discovery
rules over them, and the leads they raise for community advisers (issue 22)."""
