"""The audit history: every mutation and every unmasked read of sensitive data."""
