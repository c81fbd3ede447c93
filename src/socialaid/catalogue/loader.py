"""Reading every tenant's catalogue files and checking that their references resolve."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from socialaid.catalogue.files import ItemFile, OverrideFile, TenantCatalogueFile
from socialaid.catalogue.inheritance import LockedElementError, check_patch
from socialaid.catalogue.library import Library, load_library
from socialaid.catalogue.references import item_reference_errors
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
    target_groups = {i.code: i.target_groups for entry in chain for _, i in entry.items}
    for file, item in own.items:
        errors = item_reference_errors(
            item,
            library=sources.library,
            departments=departments,
            visible_items=visible,
            inherited_items=inherited,
            target_groups_of=target_groups,
        )
        if errors:
            raise DataFileError(file, errors[0].path, errors[0].message)
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
