"""Settings from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.config import ConfigurationError, Settings


def test_dev_generates_a_secret_once_and_keeps_it_in_the_data_dir(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path, secret=None).signing_key
    second = Settings(data_dir=tmp_path, secret=None).signing_key
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret").stat().st_mode & 0o077 == 0


def test_production_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        _ = Settings(data_dir=tmp_path, env="production", secret=None).signing_key  # type: ignore[arg-type]


def test_database_url_is_read_without_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@db/socialaid")
    monkeypatch.setenv("SOCIALAID_ENV", "production")
    settings = Settings()
    assert settings.database_url == "postgresql://u:p@db/socialaid"
    assert settings.is_production
