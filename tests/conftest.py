"""A real PostgreSQL for every test: one migrated, seeded template; a fresh copy per test."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy.engine import URL, make_url

from socialaid.config import Settings
from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, drop_database, ensure_app_role
from socialaid.db.database import Database
from socialaid.db.embedded import EmbeddedPostgres
from socialaid.db.urls import with_database
from socialaid.seeding import load_seed_data

REPO_ROOT = Path(__file__).resolve().parents[1]
TEST_SECRET = "test-secret-not-for-production-32b+"
T = TypeVar("T")


@cache
def settings_data_dir() -> Path:
    """The settings' data dir for this process, made on first use and removed at exit: the dev
    audit checkpoint key is generated there, and its checkpoint directory stays empty (a test
    that signs checkpoints gives settings of its own)."""
    path = Path(tempfile.mkdtemp(prefix="socialaid-test-settings-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def test_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "secret": TEST_SECRET,
        "database_url": None,
        "data_dir": settings_data_dir(),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture(autouse=True)
def root_logging_as_it_was() -> Iterator[None]:
    """A test that runs `socialaid serve` in process configures the root logger for the whole
    process; the next test's captured output must not gain its lines."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(scope="session")
def server_url() -> Iterator[URL]:
    """The PostgreSQL server: DATABASE_URL's when set, otherwise an embedded one for the tests."""
    if os.environ.get("DATABASE_URL"):
        yield make_url(os.environ["DATABASE_URL"])
        return
    data_dir = Path(os.environ.get("SOCIALAID_DATA_DIR", REPO_ROOT / ".data")) / "test"
    embedded = EmbeddedPostgres(data_dir)
    url = make_url(embedded.start())
    yield url
    embedded.stop()


@pytest.fixture(scope="session")
async def template_url(server_url: URL) -> AsyncIterator[URL]:
    name = f"sa_tpl_{uuid.uuid4().hex[:8]}"
    await create_database(server_url, name)
    url = with_database(server_url, name)
    await ensure_app_role(url, TEST_SECRET)
    await migrate.upgrade(url)
    db = Database(url, TEST_SECRET)
    await load_seed_data(db)
    await db.dispose()
    yield url
    await drop_database(server_url, name)


@pytest.fixture
def db_template(template_url: URL) -> str:
    """The database each test's own is copied from: the migrated, seeded template. A folder's
    conftest offers another where many tests need the same costly data (tests/reform)."""
    return str(template_url.database)


async def derived_template(
    server_url: URL, template_url: URL, build: Callable[[Database], Awaitable[T]]
) -> tuple[str, T]:
    """A template of its own: a copy of the seeded one after `build` ran on it, and what `build`
    answered. Its connections are closed, so that tests can copy it."""
    name = f"sa_tpl_{uuid.uuid4().hex[:8]}"
    await create_database(server_url, name, template=template_url.database)
    url = with_database(server_url, name)
    await ensure_app_role(url, TEST_SECRET)
    database = Database(url, TEST_SECRET, pool_size=5)
    try:
        built = await build(database)
    finally:
        await database.dispose()
    return name, built


@pytest.fixture
async def db(server_url: URL, db_template: str) -> AsyncIterator[Database]:
    """A database of its own for each test: migrated and holding the seed data."""
    name = f"sa_t_{uuid.uuid4().hex[:10]}"
    await create_database(server_url, name, template=db_template)
    url = with_database(server_url, name)
    await ensure_app_role(url, TEST_SECRET)
    database = Database(url, TEST_SECRET, pool_size=5)
    yield database
    await database.dispose()
    await drop_database(server_url, name)
