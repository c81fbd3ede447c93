"""The catalogue of assistance items: shared libraries, per-tenant items, inheritance, versions."""
