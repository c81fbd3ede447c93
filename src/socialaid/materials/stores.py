"""The object store and virus scanner a process's settings name, built once per settings."""

from __future__ import annotations

from dataclasses import dataclass

from socialaid.config import Settings
from socialaid.materials.embedded_store import EmbeddedStore
from socialaid.materials.scanning import VirusScanner, load_scanner
from socialaid.materials.storage import ObjectStore


@dataclass(frozen=True)
class Files:
    """What material uploads need from the deployment: where bytes live, who scans them, the
    technical limits."""

    store: ObjectStore
    scanner: VirusScanner
    max_bytes: int
    upload_url_seconds: int
    download_url_seconds: int


class FileStores:
    """Kept in the app's `Caches`: one `Files` per settings object (tests build several)."""

    def __init__(self) -> None:
        self._by_settings: dict[int, tuple[Settings, Files]] = {}

    def for_settings(self, settings: Settings) -> Files:
        found = self._by_settings.get(id(settings))
        if found is None or found[0] is not settings:
            found = (settings, files_for(settings))
            self._by_settings[id(settings)] = found
        return found[1]


def store_for(settings: Settings) -> ObjectStore:
    if settings.upload_store == "s3":
        from socialaid.materials.s3_store import S3Store

        assert settings.upload_s3_bucket is not None  # check_for_serving names it
        return S3Store(
            endpoint=settings.upload_s3_endpoint,
            public_endpoint=settings.upload_s3_public_endpoint,
            bucket=settings.upload_s3_bucket,
            region=settings.upload_s3_region,
            access_key=settings.upload_s3_access_key,
            secret_key=settings.upload_s3_secret_key,
            path_style=settings.upload_s3_path_style,
        )
    return EmbeddedStore(settings.upload_root, settings.signing_key)


def files_for(settings: Settings) -> Files:
    return Files(
        store=store_for(settings),
        scanner=load_scanner(settings.upload_scanner),
        max_bytes=settings.upload_max_bytes,
        upload_url_seconds=settings.upload_url_seconds,
        download_url_seconds=settings.download_url_seconds,
    )
