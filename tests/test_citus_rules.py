"""The migrated schema keeps Citus's rules for distributing by tenant_id (docs/adr, "Citus").

Every table is placed in `socialaid.db.distribution` (distributed by tenant_id, reference, or
coordinator-only). For a distributed table, Citus enforces a primary key, unique constraint or
unique index only when it includes the distribution column, and a foreign key between two
distributed tables only when it pairs their distribution columns (so it never crosses tenants);
a reference table may not point at a distributed one. Read from pg_catalog of the real,
migrated test database, not from the models.
"""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg
from sqlalchemy import text

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.db.distribution import (
    COORDINATOR_ONLY,
    DISTRIBUTED,
    DISTRIBUTION_COLUMN,
    REFERENCE,
    citus_statements,
)

# Violations the schema has today, each with why it is left: none. A new violation fails the
# test, and so does an exception that no longer occurs (the list stays true).
KNOWN_EXCEPTIONS: dict[str, str] = {}

TABLES = """
SELECT c.oid, CASE WHEN n.nspname = 'public' THEN c.relname
                   ELSE n.nspname || '.' || c.relname END AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
"""
# Partitions are distributed with their parent and inherit its keys; only the parent is listed.
TENANT_COLUMNS = """
SELECT attrelid, attnum, attnotnull FROM pg_attribute WHERE attname = $1 AND NOT attisdropped
"""
UNIQUE_KEYS = """
SELECT i.indrelid, i.indexrelid::regclass::text AS name, i.indkey::int2[] AS columns,
       i.indexprs IS NOT NULL AS on_expressions
FROM pg_index i WHERE i.indisunique
"""
FOREIGN_KEYS = """
SELECT conname, conrelid, confrelid, conkey, confkey FROM pg_constraint WHERE contype = 'f'
"""


@dataclass(frozen=True)
class Catalog:
    names: dict[int, str]  # table oid -> name
    tenant_column: dict[int, tuple[int, bool]]  # table oid -> (attnum, NOT NULL)
    unique_keys: list[asyncpg.Record]
    foreign_keys: list[asyncpg.Record]


async def read_catalog(db: Database) -> Catalog:
    connection = await owner_connection(db.owner_url)
    try:
        tables = await connection.fetch(TABLES)
        columns = await connection.fetch(TENANT_COLUMNS, DISTRIBUTION_COLUMN)
        unique_keys = await connection.fetch(UNIQUE_KEYS)
        foreign_keys = await connection.fetch(FOREIGN_KEYS)
    finally:
        await connection.close()
    return Catalog(
        names={t["oid"]: t["name"] for t in tables},
        tenant_column={c["attrelid"]: (c["attnum"], c["attnotnull"]) for c in columns},
        unique_keys=list(unique_keys),
        foreign_keys=list(foreign_keys),
    )


def classification_problems(catalog: Catalog) -> list[str]:
    listed = [*DISTRIBUTED, *REFERENCE, *COORDINATOR_ONLY]
    problems = [f"{name}: listed more than once" for name in set(listed) if listed.count(name) > 1]
    present = set(catalog.names.values())
    problems += [f"{name}: not in socialaid.db.distribution" for name in present - set(listed)]
    problems += [f"{name}: listed but no such table" for name in set(listed) - present]
    return sorted(problems)


def rule_violations(catalog: Catalog) -> list[str]:
    """What Citus would refuse, or enforce only within a shard, when distributing by tenant_id."""
    kind = {oid: _kind(name) for oid, name in catalog.names.items()}
    distributed = {oid for oid, k in kind.items() if k == "distributed"}
    violations: list[str] = []
    for oid in sorted(distributed, key=catalog.names.__getitem__):
        column = catalog.tenant_column.get(oid)
        if column is None or not column[1]:
            violations.append(f"{catalog.names[oid]}: no NOT NULL {DISTRIBUTION_COLUMN}")
    for key in catalog.unique_keys:
        oid = key["indrelid"]
        if oid not in distributed:
            continue
        tenant = catalog.tenant_column.get(oid, (None, False))[0]
        if key["on_expressions"] or tenant not in key["columns"]:
            violations.append(
                f"{catalog.names[oid]}: unique key {key['name']} without {DISTRIBUTION_COLUMN}"
            )
    for fk in catalog.foreign_keys:
        source, target = fk["conrelid"], fk["confrelid"]
        if source not in kind or target not in kind:
            continue  # a partition's copy of its parent's key
        where = f"{catalog.names[source]}: foreign key {fk['conname']}"
        pair = (kind[source], kind[target])
        if pair == ("distributed", "distributed"):
            own = catalog.tenant_column[source][0]
            theirs = catalog.tenant_column[target][0]
            if (own, theirs) not in zip(fk["conkey"], fk["confkey"], strict=True):
                violations.append(f"{where} does not pair the two {DISTRIBUTION_COLUMN} columns")
        elif pair[1] == "distributed":
            violations.append(f"{where} points from a {pair[0]} table at a distributed one")
        elif "coordinator" in pair and pair[0] != pair[1]:
            violations.append(f"{where} links a coordinator-only table with a {pair[1]} one")
    return sorted(violations)


def _kind(name: str) -> str:
    if name in DISTRIBUTED:
        return "distributed"
    if name in REFERENCE:
        return "reference"
    return "coordinator"


async def test_every_table_of_the_migrated_schema_is_placed_exactly_once(db: Database) -> None:
    assert classification_problems(await read_catalog(db)) == []


async def test_the_migrated_schema_keeps_citus_rules_for_tenant_id_distribution(
    db: Database,
) -> None:
    assert rule_violations(await read_catalog(db)) == sorted(KNOWN_EXCEPTIONS)


async def test_a_new_table_not_placed_in_the_list_fails(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        await session.execute(text("CREATE TABLE benefit_payment (tenant_id text, id int)"))
    assert classification_problems(await read_catalog(db)) == [
        "benefit_payment: not in socialaid.db.distribution"
    ]


async def test_keys_and_foreign_keys_that_would_cross_tenants_are_reported(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        for statement in (
            # Unique across every tenant: Citus could check it only within one shard.
            "ALTER TABLE application ADD CONSTRAINT application_id_alone UNIQUE (id)",
            "CREATE UNIQUE INDEX case_by_id ON application_case (id)",
            # A case pointing at an application by id alone may point into another tenant.
            "ALTER TABLE application_case ADD CONSTRAINT case_to_application_by_id"
            " FOREIGN KEY (application_id) REFERENCES application (id)",
            # Every node holds the reference table; the distributed row lives on one of them.
            "ALTER TABLE department ADD COLUMN first_application uuid",
            "ALTER TABLE department ADD CONSTRAINT department_first_application"
            " FOREIGN KEY (tenant_id, first_application) REFERENCES application (tenant_id, id)",
        ):
            await session.execute(text(statement))
    assert rule_violations(await read_catalog(db)) == [
        "application: unique key application_id_alone without tenant_id",
        "application_case: foreign key case_to_application_by_id"
        " does not pair the two tenant_id columns",
        "application_case: unique key case_by_id without tenant_id",
        "department: foreign key department_first_application"
        " points from a reference table at a distributed one",
    ]


def test_the_distribution_script_places_reference_tables_before_the_co_located_group() -> None:
    statements = citus_statements()
    assert statements[0] == "SELECT create_reference_table('tenant')"
    assert statements[len(REFERENCE)] == (
        "SELECT create_distributed_table('application', 'tenant_id')"
    )
    assert statements[-1] == (
        "SELECT create_distributed_table('webhook_delivery', 'tenant_id',"
        " colocate_with => 'application')"
    )
    assert len(statements) == len(REFERENCE) + len(DISTRIBUTED)
