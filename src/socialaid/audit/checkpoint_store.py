"""Checkpoint files: one JSON file per signed checkpoint, `<directory>/<tenant>/<sequence>.json`.

The directory is meant to be somewhere the database's owner cannot write: another host's disk,
a mount of a write-once bucket. A checkpoint is written once and never replaced (a temporary
file linked to its final name, which fails if the name exists), so a crash leaves no half file
under a checkpoint's name.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from socialaid.audit.checkpoints import Checkpoint, CheckpointUnreadableError

_TENANT = re.compile(r"^[0-9]{6}$")
_FILE = re.compile(r"^([0-9]{12})\.json$")


class CheckpointStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _tenant_dir(self, tenant_id: str) -> Path:
        if not _TENANT.match(tenant_id):
            raise ValueError(f"not a tenant code: {tenant_id!r}")
        return self.directory / tenant_id

    def path(self, tenant_id: str, sequence: int) -> Path:
        return self._tenant_dir(tenant_id) / f"{sequence:012d}.json"

    def sequences(self, tenant_id: str) -> list[int]:
        """The checkpointed sequences of the tenant, ascending."""
        try:
            names = [entry.name for entry in self._tenant_dir(tenant_id).iterdir()]
        except FileNotFoundError:
            return []
        return sorted(int(m.group(1)) for m in map(_FILE.match, names) if m)

    def read(self, tenant_id: str, sequence: int) -> Checkpoint:
        path = self.path(tenant_id, sequence)
        try:
            checkpoint = Checkpoint.from_json(json.loads(path.read_bytes()))
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CheckpointUnreadableError(f"{path}: {exc}") from exc
        if (checkpoint.tenant_id, checkpoint.sequence) != (tenant_id, sequence):
            raise CheckpointUnreadableError(f"{path} holds the checkpoint of another sequence")
        return checkpoint

    def write(self, checkpoint: Checkpoint) -> Path:
        """Write a new checkpoint; FileExistsError when its sequence is checkpointed already."""
        final = self.path(checkpoint.tenant_id, checkpoint.sequence)
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            file.write(json.dumps(checkpoint.as_json(), indent=1).encode("utf-8") + b"\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, final)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        return final
