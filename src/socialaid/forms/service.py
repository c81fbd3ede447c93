"""Compiling forms for requests, keeping the snapshot every application refers to, and checking
answers and materials (with the shared-data registry where the caller may use it)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.caching import LruCache, RevisionCache
from socialaid.canonical_json import canonical_json
from socialaid.catalogue.files import Exemption, ItemFile
from socialaid.catalogue.library import (
    LIBRARY_PARTS,
    Library,
    library_document,
    library_from_document,
)
from socialaid.catalogue.service import (
    CatalogueCaches,
    TenantView,
    content_revision,
    tenant_view,
)
from socialaid.errors import DomainError, ErrorCode, NotFoundError
from socialaid.forms.cache import FormCache
from socialaid.forms.compiled import CompiledForm
from socialaid.forms.compiler import compile_form
from socialaid.forms.errors import FormCompileError
from socialaid.forms.exemption import MaterialStatus, collect_confirmations, material_statuses
from socialaid.forms.models import FormSnapshot, LibrarySnapshot
from socialaid.forms.shared_records import SharedRecordSource
from socialaid.forms.validation import ValidationResult, validate_answers
from socialaid.kernel.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class FormSelectionError(DomainError):
    """The selected items cannot make one form; `problems` lists each reason."""

    code = ErrorCode.INVALID_INPUT

    def __init__(self, error: FormCompileError) -> None:
        self.problems: list[dict[str, Any]] = [
            {"code": p.code, "message": p.message, "items": list(p.items)} for p in error.problems
        ]
        super().__init__("；".join(p.message for p in error.problems), path=["items"])

    @property
    def extensions(self) -> dict[str, Any]:
        return {**super().extensions, "problems": self.problems}


@dataclass
class FormCaches:
    compiled: FormCache = field(default_factory=FormCache)
    library_hashes: RevisionCache[str] = field(
        default_factory=lambda: RevisionCache(1, name="form_library_hashes")
    )
    by_hash: LruCache[str, CompiledForm] = field(
        default_factory=lambda: LruCache(512, name="forms_by_hash")
    )

    def remember(self, form: CompiledForm, *, as_hash: str | None = None) -> None:
        """Keep `form` under its content hash, or under `as_hash`: the hash it is looked up by."""
        self.by_hash.put(form.content_hash if as_hash is None else as_hash, form)


_PENDING = "socialaid.pending_snapshots"


def _pending(session: AsyncSession, caches: FormCaches) -> list[tuple[str, Any]]:
    """What this session's transaction stored, to enter the caches only once it commits.

    A snapshot cached before its transaction commits would outlive a rollback: the next request
    would skip storing it, and an application would refer to a form no database row holds.
    """
    sync = session.sync_session
    pending: list[tuple[str, Any]] | None = sync.info.get(_PENDING)
    if pending is None:
        pending = []
        sync.info[_PENDING] = pending

        def committed(session_: Any) -> None:
            if session_.in_nested_transaction():  # a savepoint released: not committed yet
                return
            for kind, value in pending:
                if kind == "form":
                    caches.remember(value)
                else:
                    revision, digest = value
                    caches.library_hashes.put(revision, "library", digest)
            pending.clear()

        def rolled_back(_session: Any) -> None:
            pending.clear()

        event.listen(sync, "after_commit", committed)
        event.listen(sync, "after_rollback", rolled_back)
    return pending


def _parameters(view: TenantView) -> dict[str, object]:
    """The tenant's parameter values; unset ones stay absent (the compiler notes them)."""
    if view.config is None:
        return {}
    return {p.key: p.value for p in view.config.parameters if p.value is not None}


_ORDER = "order"


def library_snapshot_document(lib: Library) -> dict[str, Any]:
    """The library as stored in library_snapshot: its entries and, under "order", each part's keys
    in library order.

    The compiler lists fields, groups and materials in library order, but a JSONB object keeps its
    keys in an order of its own (shorter keys first), so the order must be stored as arrays. It is
    part of the document, and so of the snapshot's hash: libraries differing only in order differ.
    """
    document: dict[str, Any] = library_document(lib)
    return {**document, _ORDER: {part: list(document[part]) for part in LIBRARY_PARTS}}


def library_from_snapshot(document: Mapping[str, Any]) -> Library:
    """The library a library_snapshot document holds, its parts in their stored order.

    Documents stored before the order was kept come back in JSONB's key order.
    """
    order: Mapping[str, list[str]] = document.get(_ORDER) or {}
    parts = {
        part: {key: document[part][key] for key in order[part]}
        if part in order
        else document.get(part, {})
        for part in LIBRARY_PARTS
    }
    return library_from_document(parts)


def _selected_by_applicant(form: CompiledForm) -> list[str]:
    """The items chosen, without the prerequisites the compiler added (those have `added_for`).

    Recompiling the chosen items adds the prerequisites again, with their PREREQUISITE_ADDED notes;
    recompiling every item of the form would count them as chosen and give another form.
    """
    return [item.code for item in form.items if not item.added_for]


async def _store_snapshot(
    session: AsyncSession,
    caches: FormCaches,
    revision: int,
    lib: Library,
    form: CompiledForm,
    catalogue: Mapping[str, ItemFile],
    parameters: Mapping[str, object],
) -> None:
    lib_hash = caches.library_hashes.peek(revision, "library")
    if lib_hash is None:
        document = library_snapshot_document(lib)
        lib_hash = hashlib.sha256(canonical_json(document).encode()).hexdigest()
        await session.execute(
            insert(LibrarySnapshot)
            .values(hash=lib_hash, document=document)
            .on_conflict_do_nothing()
        )
        _pending(session, caches).append(("library", (revision, lib_hash)))
    used = {item.code: catalogue[item.code].model_dump(mode="json") for item in form.items}
    await session.execute(
        insert(FormSnapshot)
        .values(
            hash=form.content_hash,
            compiled_for=form.tenant,
            as_of=form.as_of,
            selected=_selected_by_applicant(form),
            items=used,
            parameters=dict(parameters),
            library_hash=lib_hash,
        )
        .on_conflict_do_nothing()
    )


async def form_for_selection(
    session: AsyncSession,
    catalogue_caches: CatalogueCaches,
    form_caches: FormCaches,
    *,
    tenant: str,
    items: Sequence[str],
    as_of: date,
) -> CompiledForm:
    """The one form for `items` in `tenant` on `as_of`; its snapshot is stored (commit to keep it)."""
    view = await tenant_view(session, catalogue_caches, tenant=tenant, as_of=as_of)
    lib = view.library
    revision = await content_revision(session)
    catalogue = view.specs
    parameters = _parameters(view)
    try:
        form = form_caches.compiled.get_or_compile(
            lib,
            catalogue,
            items,
            tenant=tenant,
            as_of=as_of,
            fingerprint=str(revision),
            parameters=parameters,
        )
    except FormCompileError as error:
        raise FormSelectionError(error) from error
    if form.content_hash not in form_caches.by_hash:
        await _store_snapshot(session, form_caches, revision, lib, form, catalogue, parameters)
        _pending(session, form_caches).append(("form", form))
    return form


async def form_by_hash(
    session: AsyncSession, form_caches: FormCaches, *, form_hash: str
) -> CompiledForm:
    """The form an application was filled against, rebuilt from its snapshot if need be."""
    cached = form_caches.by_hash.get(form_hash)
    if cached is not None:
        return cached
    snapshot = await session.get(FormSnapshot, form_hash)
    if snapshot is None:
        raise NotFoundError(f"没有内容哈希为 {form_hash} 的表单", path=["hash"])
    library_row = await session.get(LibrarySnapshot, snapshot.library_hash)
    if library_row is None:
        raise NotFoundError(f"表单 {form_hash} 的数据元库快照缺失", path=["hash"])
    form = compile_form(
        library_from_snapshot(library_row.document),
        {code: ItemFile.model_validate(doc) for code, doc in snapshot.items.items()},
        snapshot.selected,
        tenant=snapshot.compiled_for,
        as_of=snapshot.as_of,
        parameters=snapshot.parameters,
    )
    if form.content_hash != form_hash:
        # Only snapshots stored before the library order and the chosen items were kept.
        log.warning(
            "form snapshot %s rebuilds as %s: it lacks what the form was compiled from",
            form_hash,
            form.content_hash,
        )
    uncommitted = session.sync_session.info.get(_PENDING, ())
    if not any(kind == "form" and v.content_hash == form_hash for kind, v in uncommitted):
        # Its snapshot row is committed: safe to keep, under the hash it is looked up by.
        form_caches.remember(form, as_hash=form_hash)
    return form


@dataclass(frozen=True)
class AnswerCheck:
    validation: ValidationResult
    materials: list[MaterialStatus]
    confirmations_checked: bool


async def check_answers(
    uow: UnitOfWork,
    form: CompiledForm,
    answers: Mapping[str, Any],
    *,
    tenant_path: str,
    confirm_with_shared_data: bool,
    requests: Mapping[str, Exemption] | None = None,
) -> AnswerCheck:
    """Validate answers and decide each material; the registry is asked only when allowed."""
    validation = validate_answers(form, answers)
    # The visible answers once (copying and evaluating visibility is most of the checking's
    # cost), not again for the confirmations and again for the materials.
    visible = validation.answers
    confirmations = {}
    if confirm_with_shared_data:
        source = SharedRecordSource(uow, tenant_path=tenant_path, as_of=form.as_of)
        confirmations = await collect_confirmations(form, answers, [source], visible=visible)
    statuses = material_statuses(form, answers, confirmations, requests=requests, visible=visible)
    return AnswerCheck(validation, statuses, confirm_with_shared_data)
