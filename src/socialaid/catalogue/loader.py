"""Reading every tenant's catalogue files and checking them: overrides and disabled items name
inherited items, and every tenant's effective catalogue passes the catalogue lint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from socialaid.catalogue.files import ItemFile, OverrideFile, TenantCatalogueFile
from socialaid.catalogue.inheritance import LockedElementError, check_patch
from socialaid.catalogue.library import Library, load_library
from socialaid.catalogue.lint import LintError, lint_catalogue, reform_target_errors
from socialaid.catalogue.merge_patch import apply_merge_patch
from socialaid.datafiles import DataFileError, format_location, parse_file
from socialaid.tenancy.importer import LoadedTenant, load_tenant_files

CONFIG_FILE = "catalogue.yaml"
ITEMS_DIR = "items"
OVERRIDES_DIR = "overrides"


@dataclass
class TenantCatalogueFiles:
    tenant: LoadedTenant
    config: TenantCatalogueFile | None = None
    config_file: Path | None = None
    items: list[tuple[Path, ItemFile]] = field(default_factory=list)
    overrides: list[tuple[Path, OverrideFile]] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.tenant.data.code


@dataclass
class CatalogueSources:
    """Everything under catalogue/ and tenants/, parsed and cross-checked."""

    library: Library
    tenants: dict[str, TenantCatalogueFiles]

    def chain(self, code: str) -> list[TenantCatalogueFiles]:
        """The tenant and its ancestors, root first."""
        out: list[TenantCatalogueFiles] = []
        current: str | None = code
        while current is not None:
            entry = self.tenants[current]
            out.append(entry)
            current = entry.tenant.data.parent
        return out[::-1]


def _tenant_catalogue(tenant: LoadedTenant) -> TenantCatalogueFiles:
    folder = tenant.file.parent
    entry = TenantCatalogueFiles(tenant)
    config = folder / CONFIG_FILE
    if config.exists():
        entry.config = parse_file(config, TenantCatalogueFile)
        entry.config_file = config
    for file in sorted((folder / ITEMS_DIR).glob("*.yaml")):
        item = parse_file(file, ItemFile)
        if file.stem != item.code:
            raise DataFileError(
                file, "code", f"the file of item {item.code!r} is named {item.code}.yaml"
            )
        entry.items.append((file, item))
    for file in sorted((folder / OVERRIDES_DIR).glob("*.yaml")):
        override = parse_file(file, OverrideFile)
        if file.stem != override.item:
            raise DataFileError(
                file, "item", f"the override of {override.item!r} is named {override.item}.yaml"
            )
        entry.overrides.append((file, override))
    return entry


class CatalogueLintError(DataFileError):
    """The files fail the catalogue lint: `problems` holds every one (file, path, message); the
    error itself names the first, and its text lists them all, one a line."""

    def __init__(self, problems: Sequence[DataFileError]) -> None:
        first = problems[0]
        super().__init__(first.file, first.path, first.message)
        self.problems = list(problems)
        self.args = ("\n".join(str(p) for p in self.problems),)


def load_catalogue_sources(catalogue_root: Path, tenants_root: Path) -> CatalogueSources:
    """Parse and check every file; raise DataFileError (CatalogueLintError for lint problems)."""
    library = load_library(catalogue_root)
    tenants = {t.data.code: _tenant_catalogue(t) for t in load_tenant_files(tenants_root)}
    sources = CatalogueSources(library, tenants)
    for code in tenants:
        check_overrides(sources, code)
    problems = lint_sources(sources)
    if problems:
        raise CatalogueLintError(problems)
    return sources


def _departments(sources: CatalogueSources, code: str) -> set[str]:
    return {d.code for entry in sources.chain(code) for d in entry.tenant.data.departments}


def check_overrides(sources: CatalogueSources, code: str) -> None:
    """Raise DataFileError for an override or a disabled item of `code` naming no inherited item,
    or an override of a locked element."""
    chain = sources.chain(code)
    own = chain[-1]
    inherited = {item.code for entry in chain[:-1] for _, item in entry.items}
    for file, override in own.overrides:
        if override.item not in inherited:
            raise DataFileError(
                file, "item", f"{override.item!r} is not inherited from a parent tenant"
            )
        try:
            check_patch(override.item, override.patch)
        except LockedElementError as exc:
            raise DataFileError(file, f"patch.{exc.element}", str(exc)) from exc
    if own.config is not None and own.config_file is not None:
        for i, disabled in enumerate(own.config.disabled_items):
            if disabled not in inherited:
                raise DataFileError(
                    own.config_file, f"disabled_items[{i}]", f"{disabled!r} is not inherited"
                )


@dataclass(frozen=True)
class _Seen:
    """An item as a tenant sees it, and the files it comes from."""

    item: ItemFile
    file: Path  # the owner's item file
    patched_in: dict[str, Path]  # element → the override file that last changed it


def _effective_items(sources: CatalogueSources, code: str) -> dict[str, _Seen]:
    """The tenant's catalogue as its files define it, every item whatever its dates: ancestors'
    items first (an ancestor's definition wins), overrides applied, disabled items and the
    sub-items of disabled items left out (a sub-item whose parent never existed stays, for the
    lint to report)."""
    seen: dict[str, _Seen] = {}
    for entry in sources.chain(code):
        for file, item in entry.items:
            seen.setdefault(item.code, _Seen(item, file, {}))
        for file, override in entry.overrides:
            base = seen.get(override.item)
            if base is None or not override.patch:
                continue
            document = apply_merge_patch(document_of(base.item), override.patch)
            try:
                patched = ItemFile.model_validate(document)
            except ValidationError as exc:
                first = exc.errors()[0]
                location = format_location(first["loc"])
                raise DataFileError(file, f"patch.{location}", first["msg"]) from exc
            seen[override.item] = _Seen(
                patched, base.file, {**base.patched_in, **dict.fromkeys(override.patch, file)}
            )
        gone = set(entry.config.disabled_items) if entry.config is not None else set()
        while gone:
            for disabled in gone:
                seen.pop(disabled, None)
            gone = {c for c, s in seen.items() if s.item.parent in gone}
    return seen


def _element(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def lint_sources(sources: CatalogueSources) -> list[DataFileError]:
    """Every lint problem of every tenant's effective catalogue, named by file and path; a problem
    an ancestor's files already show is reported once."""
    problems: dict[tuple[str, str, str, str], DataFileError] = {}
    for code in sorted(sources.tenants, key=lambda c: (len(sources.chain(c)), c)):
        chain = sources.chain(code)
        own = chain[-1]
        seen = _effective_items(sources, code)
        inherited = {item.code for entry in chain[:-1] for _, item in entry.items}
        own_files = {item.code: file for file, item in own.items}
        # As forms read them: the tenant's own configuration's parameters (and each item's).
        parameters = {p.key for p in own.config.parameters} if own.config is not None else set()
        # A tenant's own item that redefines an inherited one is linted as the tenant wrote it.
        items = {c: s.item for c, s in seen.items()}
        redefined = set(own_files) & inherited
        items.update({item.code: item for _, item in own.items if item.code in redefined})
        errors = lint_catalogue(
            sources.library,
            items,
            parameters=parameters,
            departments=_departments(sources, code),
            redefined=redefined,
        )
        for error in errors:
            file = _file_of(error, seen, own_files, redefined)
            key = (str(file), error.path, error.code, error.message)
            if key in problems:
                continue
            message = f"{error.code}: {error.message}"
            if not file.is_relative_to(own.tenant.file.parent):
                message += f" (in the catalogue of tenant {code})"
            problems[key] = DataFileError(file, error.path, message)
        if own.config is not None and own.config_file is not None:
            for error in reform_target_errors(own.config.reform_targets):
                problems[(str(own.config_file), error.path, error.code, error.message)] = (
                    DataFileError(own.config_file, error.path, f"{error.code}: {error.message}")
                )
    return list(problems.values())


def _file_of(
    error: LintError, seen: dict[str, _Seen], own_files: dict[str, Path], redefined: set[str]
) -> Path:
    if error.item in redefined:
        return own_files[error.item]
    found = seen[error.item]
    return found.patched_in.get(_element(error.path), found.file)


def document_of(item: ItemFile) -> dict[str, object]:
    """The stored form of an item: every element, JSON-compatible."""
    return item.model_dump(mode="json")


def file_dict_of(document: dict[str, object]) -> dict[str, object]:
    """The file form of a stored item: elements at their defaults are left out."""
    return ItemFile.model_validate(document).model_dump(mode="json", exclude_defaults=True)
