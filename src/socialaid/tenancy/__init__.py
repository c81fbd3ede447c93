"""Regions (tenants), their departments and their areas (streets, communities)."""
