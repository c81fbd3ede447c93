"""A form rebuilt from its snapshot is the form the application was filled against: same hash,
same content; and, rebuilt once, it is found again by that hash without reading the snapshot."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from socialaid.access.principal import Principal
from socialaid.canonical_json import canonical_json
from socialaid.catalogue.library import LIBRARY_PARTS
from socialaid.catalogue.service import CatalogueCaches, tenant_view
from socialaid.db.database import Database
from socialaid.forms.compiled import CompiledForm
from socialaid.forms.models import FormSnapshot, LibrarySnapshot
from socialaid.forms.service import (
    FormCaches,
    form_by_hash,
    form_for_selection,
    library_from_snapshot,
    library_snapshot_document,
)
from socialaid.kernel.caches import Caches
from socialaid.kernel.context import Context
from tests.applications_api.flows import applicant, apply, shanghai_answers
from tests.conftest import test_settings
from tests.forms.builders import element, library
from tests.graphql_client import default_schema
from tests.identity_numbers import id_number
from tests.sql_statements import statements_sent

AS_OF = date(2026, 1, 5)
SHANXI_ITEMS = ["low_income_recognition", "temporary_assistance", "employment_assistance"]
SELECTIONS = {
    "three shanxi items": ("140105", SHANXI_ITEMS),
    "changning legal aid": ("310105", ["legal_aid"]),
    # medical_aid waits for low_income_recognition, which the compiler adds (prerequisite: add).
    "a prerequisite added": ("140105", ["medical_aid"]),
}


async def served(db: Database, tenant: str, items: list[str]) -> CompiledForm:
    """The form a request is served, its snapshot stored and committed."""
    async with db.session() as session, session.begin():
        return await form_for_selection(
            session, CatalogueCaches(), FormCaches(), tenant=tenant, items=items, as_of=AS_OF
        )


async def rebuilt(db: Database, form_hash: str, caches: FormCaches | None = None) -> CompiledForm:
    """The form another process (fresh caches unless given) rebuilds from the snapshot."""
    async with db.session() as session:
        return await form_by_hash(session, caches or FormCaches(), form_hash=form_hash)


def content(form: CompiledForm) -> dict[str, Any]:
    """Everything of a form but the tenant and date that first compiled it (not in the hash)."""
    return {
        "hash": form.content_hash,
        "items": form.items,
        "questions": form.questions,
        "sections": form.sections,
        "fields": form.fields,
        "groups": form.groups,
        "materials": form.materials,
        "notes": form.notes,
        "parameters": dict(form.parameters),
        "reduction": form.reduction,
        "schema document": canonical_json(form.json_schema),
    }


@pytest.mark.parametrize("selection", list(SELECTIONS.values()), ids=list(SELECTIONS))
async def test_a_form_rebuilt_from_its_snapshot_has_the_hash_and_content_of_the_one_served(
    db: Database, selection: tuple[str, list[str]]
) -> None:
    tenant, items = selection
    form = await served(db, tenant, items)

    again = await rebuilt(db, form.content_hash)

    assert again.content_hash == form.content_hash
    assert [f.key for f in again.fields] == [f.key for f in form.fields]  # library order
    assert [m.id for m in again.materials] == [m.id for m in form.materials]
    assert content(again) == content(form)
    assert again == replace(form, tenant=again.tenant, as_of=again.as_of)


async def test_a_prerequisite_the_compiler_added_is_added_again_when_the_form_is_rebuilt(
    db: Database,
) -> None:
    form = await served(db, "140105", ["medical_aid"])
    async with db.session() as session:
        snapshot = await session.get(FormSnapshot, form.content_hash)
    assert snapshot is not None
    assert snapshot.selected == ["medical_aid"]  # what was chosen, not what the compiler added
    assert sorted(snapshot.items) == ["low_income_recognition", "medical_aid"]

    again = await rebuilt(db, form.content_hash)

    added = next(i for i in again.items if i.code == "low_income_recognition")
    assert added.added_for == ("medical_aid",)
    assert [n.code for n in again.notes] == ["PREREQUISITE_ADDED"]


async def test_the_library_a_snapshot_stores_comes_back_in_library_order(db: Database) -> None:
    async with db.session() as session:
        view = await tenant_view(session, CatalogueCaches(), tenant="310105", as_of=AS_OF)
    await served(db, "310105", ["legal_aid"])
    async with db.session() as session:
        stored = (await session.execute(select(LibrarySnapshot.document))).scalars().all()
    assert len(stored) == 1

    library = library_from_snapshot(stored[0])  # as JSONB gave it back

    for part in LIBRARY_PARTS:
        assert list(getattr(library, part)) == list(getattr(view.library, part)), part
    assert library == view.library


def test_libraries_differing_only_in_order_are_different_snapshots() -> None:
    name, phone = element("applicant.name"), element("applicant.phone")
    first, reordered = library([name, phone]), library([phone, name])
    assert first == reordered  # equal as mappings, yet they compile to differently ordered forms

    assert canonical_json(library_snapshot_document(first)) != canonical_json(
        library_snapshot_document(reordered)
    )


async def test_a_second_read_by_hash_reads_no_snapshot_row(db: Database) -> None:
    form = await served(db, "310105", ["legal_aid"])
    caches = FormCaches()  # another process: the form is not in its caches yet
    with statements_sent(db) as first:
        await rebuilt(db, form.content_hash, caches)
    assert any("form_snapshot" in s for s in first)
    assert list(caches.by_hash) == [form.content_hash]

    with statements_sent(db) as second:
        again = await rebuilt(db, form.content_hash, caches)

    assert not [s for s in second if "form_snapshot" in s or "library_snapshot" in s]
    assert again.content_hash == form.content_hash


ANSWERS = "query($id: ID!) { application(id: $id) { answers } }"


async def test_a_second_read_of_an_applications_answers_reads_no_snapshot_row(
    db: Database,
) -> None:
    citizen = await applicant(db, "310105")
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, "310105", ["legal_aid"], answers, area="huayanglu")
    caches = Caches()  # a process that did not serve the form
    form_caches = caches.of(FormCaches)

    async def read_answers(actor: Principal) -> dict[str, Any]:
        context = Context(db=db, settings=test_settings(), principal=actor, caches=caches)
        result = await default_schema().execute(
            ANSWERS, variable_values={"id": submitted["id"]}, context_value=context
        )
        assert result.errors is None and result.data is not None, result.errors
        return dict(result.data["application"]["answers"])

    with statements_sent(db) as first:
        first_answers = await read_answers(citizen)
    assert any("form_snapshot" in s for s in first)

    with statements_sent(db) as second:
        second_answers = await read_answers(citizen)

    assert not [s for s in second if "form_snapshot" in s or "library_snapshot" in s]
    assert second_answers == first_answers
    assert list(form_caches.by_hash) == [submitted["formHash"]]
