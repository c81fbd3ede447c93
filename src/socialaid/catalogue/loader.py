"""Reading every tenant's catalogue files and checking that their references resolve."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from socialaid.catalogue.files import ItemFile, OverrideFile, TenantCatalogueFile
from socialaid.catalogue.inheritance import LockedElementError, check_patch
from socialaid.catalogue.library import Library, load_library
from socialaid.datafiles import DataFileError, parse_file
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


def load_catalogue_sources(catalogue_root: Path, tenants_root: Path) -> CatalogueSources:
    library = load_library(catalogue_root)
    tenants = {t.data.code: _tenant_catalogue(t) for t in load_tenant_files(tenants_root)}
    sources = CatalogueSources(library, tenants)
    for code in tenants:
        check_references(sources, code)
    return sources


def _departments(sources: CatalogueSources, code: str) -> set[str]:
    return {d.code for entry in sources.chain(code) for d in entry.tenant.data.departments}


def check_references(sources: CatalogueSources, code: str) -> None:
    """Raise DataFileError for the first reference in `code`'s files that does not resolve."""
    chain = sources.chain(code)
    own = chain[-1]
    inherited = {item.code for entry in chain[:-1] for _, item in entry.items}
    local = {item.code for _, item in own.items}
    visible = inherited | local
    departments = _departments(sources, code)
    library = sources.library
    for file, item in own.items:
        if item.code in inherited:
            raise DataFileError(
                file, "code", f"{item.code!r} is inherited; change it with an override"
            )
        if item.parent is not None and item.parent not in visible:
            raise DataFileError(file, "parent", f"unknown parent item {item.parent!r}")
        if item.department not in departments:
            raise DataFileError(
                file, "department", f"no department {item.department!r} in this tenant or above"
            )
        for i, group in enumerate(item.target_groups):
            if group not in library.target_groups:
                raise DataFileError(file, f"target_groups[{i}]", f"unknown target group {group!r}")
        for i, dep in enumerate(item.requires_decision_of):
            for j, required in enumerate(dep.items):
                if required not in visible:
                    raise DataFileError(
                        file, f"requires_decision_of[{i}].items[{j}]", f"unknown item {required!r}"
                    )
        for i, excluded in enumerate(item.excludes):
            if excluded not in visible:
                raise DataFileError(file, f"excludes[{i}]", f"unknown item {excluded!r}")
        for i, use in enumerate(item.fields):
            if use.key not in library.data_elements:
                raise DataFileError(file, f"fields[{i}].key", f"unknown data element {use.key!r}")
        for i, group_use in enumerate(item.repeat_groups):
            if group_use.key not in library.repeat_groups:
                raise DataFileError(
                    file, f"repeat_groups[{i}].key", f"unknown repeat group {group_use.key!r}"
                )
        for i, material in enumerate(item.materials):
            if material.evidence not in library.evidence_types:
                raise DataFileError(
                    file, f"materials[{i}].evidence", f"unknown evidence type {material.evidence!r}"
                )
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


def document_of(item: ItemFile) -> dict[str, object]:
    """The stored form of an item: every element, JSON-compatible."""
    return item.model_dump(mode="json")


def file_dict_of(document: dict[str, object]) -> dict[str, object]:
    """The file form of a stored item: elements at their defaults are left out."""
    return ItemFile.model_validate(document).model_dump(mode="json", exclude_defaults=True)
