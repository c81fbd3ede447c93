"""`socialaid uploads cleanup`: unreferenced uploads past the retention period go, rows and
stored files; referenced ones and recent ones stay."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from socialaid.cli import app
from socialaid.db.database import Database
from socialaid.materials.cleanup import remove_unreferenced
from socialaid.materials.embedded_store import EmbeddedStore
from tests.conftest import TEST_SECRET
from tests.materials.stored_uploads import PDF, completed_upload

CHANGNING = "310105"
CUTOFF = datetime(2026, 6, 1, tzinfo=UTC)


async def upload_created(
    db: Database, created: datetime, *, referenced: bool, store: EmbeddedStore
) -> str:
    upload_id = await completed_upload(db, tenant=CHANGNING, owner="citizen-1")
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text("UPDATE material_upload SET created_at = :c, referenced_at = :u WHERE id = :id"),
            {"c": created, "u": created if referenced else None, "id": uuid.UUID(upload_id)},
        )
    path = store.path_of(f"files/{CHANGNING}/{upload_id}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PDF)
    return upload_id


async def remaining(db: Database) -> set[str]:
    async with db.owner_session() as session:
        return {
            str(i)
            for i in (await session.execute(text("SELECT id FROM material_upload"))).scalars()
        }


async def test_only_old_unreferenced_uploads_and_their_files_are_removed(
    db: Database, tmp_path: Path
) -> None:
    store = EmbeddedStore(tmp_path, "secret")
    old = await upload_created(db, datetime(2026, 5, 1, tzinfo=UTC), referenced=False, store=store)
    old_but_used = await upload_created(
        db, datetime(2026, 5, 1, tzinfo=UTC), referenced=True, store=store
    )
    recent = await upload_created(
        db, datetime(2026, 6, 2, tzinfo=UTC), referenced=False, store=store
    )

    removed = await remove_unreferenced(db, store, created_before=CUTOFF)

    assert removed == 1
    assert await remaining(db) == {old_but_used, recent}
    assert not store.path_of(f"files/{CHANGNING}/{old}").exists()
    assert store.path_of(f"files/{CHANGNING}/{old_but_used}").exists()
    assert store.path_of(f"files/{CHANGNING}/{recent}").exists()


async def test_the_cleanup_command_removes_what_the_retention_period_has_passed_for(
    db: Database, tmp_path: Path
) -> None:
    unreferenced = await completed_upload(db, tenant=CHANGNING, owner="citizen-1")
    referenced = await upload_created(
        db, datetime(2026, 5, 1, tzinfo=UTC), referenced=True, store=EmbeddedStore(tmp_path, "s")
    )
    await asyncio.sleep(1)  # older than the retention period below (0.36 s)
    env = {
        "DATABASE_URL": db.owner_url.set(drivername="postgresql").render_as_string(
            hide_password=False
        ),
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_UPLOAD_DIR": str(tmp_path),
        "SOCIALAID_UPLOAD_RETENTION_HOURS": "0.0001",
    }
    # The command runs its own event loop, so it runs in a thread of its own.
    result = await asyncio.to_thread(CliRunner().invoke, app, ["uploads", "cleanup"], env=env)

    assert result.exit_code == 0, result.output
    assert result.output.startswith("removed 1 unreferenced uploads")
    assert await remaining(db) == {referenced}
    assert unreferenced not in await remaining(db)
