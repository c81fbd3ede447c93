"""Reading the reviewed data files (YAML) with errors that name the file and the bad value's path."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(Exception):
    """A data file is malformed; `path` locates the bad value inside it."""

    def __init__(self, file: Path | str, path: str, message: str) -> None:
        self.file = str(file)
        self.path = path
        self.message = message
        super().__init__(f"{self.file}: {path or '<root>'}: {message}")


def format_location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_yaml(file: Path) -> Any:
    try:
        with file.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(file, where, f"not valid YAML: {exc}") from exc


def parse_file(file: Path, model: type[M]) -> M:
    """Validate a YAML file against `model`; the first error names its path in the file."""
    data = read_yaml(file)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DataFileError(file, format_location(first["loc"]), first["msg"]) from exc


def dump_yaml(data: Any) -> str:
    """The canonical text of a data file: keys in model order, Chinese kept readable."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
