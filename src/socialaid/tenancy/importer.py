"""Importing tenant files: all or nothing, and importing the same files twice changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.datafiles import DataFileError, parse_file
from socialaid.tenancy.files import AreaFile, TenantFile
from socialaid.tenancy.models import Area, Department, Tenant

TENANT_FILE = "tenant.yaml"
LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "street": 3, "community": 4}


@dataclass(frozen=True)
class LoadedTenant:
    file: Path
    data: TenantFile


def find_tenant_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(root.rglob(TENANT_FILE))


def load_tenant_files(root: Path) -> list[LoadedTenant]:
    """Parse and cross-check every tenant file under `root`; raise on the first bad value."""
    loaded = [LoadedTenant(file, parse_file(file, TenantFile)) for file in find_tenant_files(root)]
    seen: dict[str, Path] = {}
    for item in loaded:
        if item.data.code in seen:
            raise DataFileError(
                item.file,
                "code",
                f"tenant {item.data.code} is also defined in {seen[item.data.code]}",
            )
        seen[item.data.code] = item.file
        _check_unique(item.file, "departments", [d.code for d in item.data.departments])
        _check_areas(item.file, item.data.areas, "areas", set(), LEVEL_RANK[item.data.level])
    return loaded


def _check_unique(file: Path, where: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for index, code in enumerate(codes):
        if code in seen:
            raise DataFileError(file, f"{where}[{index}].code", f"duplicate code {code!r}")
        seen.add(code)


def _check_areas(
    file: Path, areas: list[AreaFile], where: str, seen: set[str], parent_rank: int
) -> None:
    for index, area in enumerate(areas):
        path = f"{where}[{index}]"
        if area.code in seen:
            raise DataFileError(file, f"{path}.code", f"duplicate area code {area.code!r}")
        seen.add(area.code)
        if LEVEL_RANK[area.level] <= parent_rank:
            raise DataFileError(file, f"{path}.level", f"{area.level} cannot lie inside this level")
        _check_areas(file, area.children, f"{path}.children", seen, LEVEL_RANK[area.level])


def _flatten_areas(
    areas: list[AreaFile], parent: Area | None = None
) -> Iterator[tuple[AreaFile, str | None, str]]:
    for area in areas:
        path = f"{parent.path}/{area.code}" if parent else area.code
        yield area, parent.code if parent else None, path
        yield from _flatten_areas(
            area.children, Area(code=area.code, path=path, tenant_id="", name="", level="")
        )


def _in_parent_order(
    tenants: list[LoadedTenant], known_paths: dict[str, str]
) -> list[tuple[LoadedTenant, str]]:
    """Each tenant with its materialised path, parents first; unknown parents are an error."""
    pending = {t.data.code: t for t in tenants}
    paths = dict(known_paths)
    ordered: list[tuple[LoadedTenant, str]] = []
    while pending:
        progressed = False
        for code, item in list(pending.items()):
            parent = item.data.parent
            if parent is None:
                paths[code] = code
            elif parent in paths and parent not in pending:
                paths[code] = f"{paths[parent]}/{code}"
            else:
                continue
            ordered.append((item, paths[code]))
            del pending[code]
            progressed = True
        if not progressed:
            item = next(iter(pending.values()))
            raise DataFileError(
                item.file,
                "parent",
                f"parent tenant {item.data.parent} is not defined (or forms a cycle)",
            )
    return ordered


async def import_tenants(session: AsyncSession, root: Path) -> list[str]:
    """Import every tenant file under `root` in one transaction; return the imported codes."""
    tenants = load_tenant_files(root)
    existing = {row.tenant_id: row for row in (await session.execute(select(Tenant))).scalars()}
    known_paths = {code: row.path for code, row in existing.items()}
    incoming = {t.data.code for t in tenants}
    ordered = _in_parent_order(
        tenants, {code: path for code, path in known_paths.items() if code not in incoming}
    )
    levels = {code: row.level for code, row in existing.items()} | {
        t.data.code: t.data.level for t in tenants
    }
    for item, path in ordered:
        data = item.data
        if data.parent is not None and LEVEL_RANK[levels[data.parent]] >= LEVEL_RANK[data.level]:
            raise DataFileError(
                item.file, "level", f"{data.level} cannot lie inside a {levels[data.parent]}"
            )
        await _upsert_tenant(session, data, path)
    return [item.data.code for item, _ in ordered]


async def _upsert_tenant(session: AsyncSession, data: TenantFile, path: str) -> None:
    values = {
        "tenant_id": data.code,
        "name": data.name,
        "level": data.level,
        "parent_id": data.parent,
        "path": path,
        "source": data.source.model_dump(exclude_none=True),
    }
    stmt = insert(Tenant).values(**values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=["tenant_id"],
            set_={k: stmt.excluded[k] for k in values if k != "tenant_id"},
        )
    )
    dept_rows = [
        {
            "tenant_id": data.code,
            "code": d.code,
            "name": d.name,
            "position": i,
            "source": d.source.model_dump(exclude_none=True),
        }
        for i, d in enumerate(data.departments)
    ]
    await session.execute(
        delete(Department).where(
            col(Department.tenant_id) == data.code,
            col(Department.code).not_in([d["code"] for d in dept_rows]),
        )
    )
    if dept_rows:
        stmt_d = insert(Department).values(dept_rows)
        await session.execute(
            stmt_d.on_conflict_do_update(
                index_elements=["tenant_id", "code"],
                set_={
                    "name": stmt_d.excluded.name,
                    "position": stmt_d.excluded.position,
                    "source": stmt_d.excluded.source,
                },
            )
        )
    area_rows = [
        {
            "tenant_id": data.code,
            "code": a.code,
            "name": a.name,
            "level": a.level,
            "parent_code": parent_code,
            "path": path_,
            "position": i,
            "source": a.source.model_dump(exclude_none=True),
        }
        for i, (a, parent_code, path_) in enumerate(_flatten_areas(data.areas))
    ]
    await session.execute(
        delete(Area).where(
            col(Area.tenant_id) == data.code,
            col(Area.code).not_in([a["code"] for a in area_rows]),
        )
    )
    if area_rows:
        stmt_a = insert(Area).values(area_rows)
        await session.execute(
            stmt_a.on_conflict_do_update(
                index_elements=["tenant_id", "code"],
                set_={
                    k: stmt_a.excluded[k]
                    for k in ("name", "level", "parent_code", "path", "position", "source")
                },
            )
        )
