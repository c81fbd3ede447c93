"""Building connection URLs for the owner (migrations) and the application role."""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.engine import URL, make_url

APP_ROLE = "socialaid_app"


def app_role_password(signing_key: str) -> str:
    """Derived from the secret so every process computes the same password without storing it."""
    return hmac.new(signing_key.encode(), b"socialaid-db-app-role", hashlib.sha256).hexdigest()


def async_url(url: str | URL) -> URL:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg")


def as_app_role(owner_url: str | URL, signing_key: str) -> URL:
    """The owner URL with the application's non-superuser role instead of the owner."""
    return async_url(owner_url).set(username=APP_ROLE, password=app_role_password(signing_key))


def with_database(url: str | URL, database: str) -> URL:
    return make_url(url).set(database=database)
