"""Telling every process that grants or policy changed: PostgreSQL NOTIFY here, and each process
LISTENs through `db.listener.Listener` (see `access.authentication.Authenticator`)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

CHANNEL = "socialaid_access"
EVERYTHING = "*"  # payload meaning: reload the policy files and forget every cached grant


async def notify_access_changed(session: AsyncSession, key: str) -> None:
    """Queue a notification (a user id, or EVERYTHING); PostgreSQL delivers it on commit."""
    await session.execute(
        text("SELECT pg_notify(:channel, :key)"), {"channel": CHANNEL, "key": key}
    )
