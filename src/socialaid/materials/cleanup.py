"""Removing uploads no application or 补正 references once the retention period has passed
(`socialaid uploads cleanup`): the row and its objects (staged and verified) alike."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlmodel import col

from socialaid.db.database import Database
from socialaid.materials.models import MaterialUpload
from socialaid.materials.storage import ObjectStore

BATCH = 500


async def remove_unreferenced(db: Database, store: ObjectStore, *, created_before: datetime) -> int:
    """Delete the unreferenced uploads created before `created_before`; how many were removed.

    Runs as the owner (every tenant), in batches; rows locked by a submission that is
    referencing them right now are skipped and left for the next run.
    """
    removed = 0
    while True:
        async with db.owner_session() as session, session.begin():
            rows = (
                (
                    await session.execute(
                        select(MaterialUpload)
                        .where(
                            col(MaterialUpload.referenced_at).is_(None),
                            col(MaterialUpload.created_at) < created_before,
                        )
                        .limit(BATCH)
                        .with_for_update(skip_locked=True)
                    )
                )
                .scalars()
                .all()
            )
            if not rows:
                return removed
            for upload in rows:
                await store.delete(upload.staging_key)
                await store.delete(upload.object_key)
            await session.execute(
                delete(MaterialUpload).where(
                    col(MaterialUpload.id).in_([u.id for u in rows]),
                    col(MaterialUpload.referenced_at).is_(None),
                )
            )
            removed += len(rows)
